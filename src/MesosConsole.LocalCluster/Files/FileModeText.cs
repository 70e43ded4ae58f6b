namespace MesosConsole.LocalCluster.Files;

/// <summary>st_mode as <c>ls -l</c> prints it (<c>-rw-r--r--</c>, <c>drwxr-xr-x</c>): /files/browse's <c>mode</c>.</summary>
internal static class FileModeText
{
    public static string Format(uint mode)
    {
        Span<char> text = stackalloc char[10];
        text[0] = (mode & 0xF000) switch
        {
            0x4000 => 'd',
            0xA000 => 'l',
            0x2000 => 'c',
            0x6000 => 'b',
            0x1000 => 'p',
            0xC000 => 's',
            _ => '-',
        };
        WriteTriplet(text[1..4], mode >> 6, special: (mode & 0x800) != 0, specialChar: 's');
        WriteTriplet(text[4..7], mode >> 3, special: (mode & 0x400) != 0, specialChar: 's');
        WriteTriplet(text[7..10], mode, special: (mode & 0x200) != 0, specialChar: 't');
        return new string(text);
    }

    // setuid/setgid/sticky replace the execute letter: lower case when execute is also set, upper case when not.
    private static void WriteTriplet(Span<char> target, uint bits, bool special, char specialChar)
    {
        target[0] = (bits & 4) != 0 ? 'r' : '-';
        target[1] = (bits & 2) != 0 ? 'w' : '-';
        var execute = (bits & 1) != 0;
        target[2] = special
            ? (execute ? specialChar : char.ToUpperInvariant(specialChar))
            : (execute ? 'x' : '-');
    }
}
