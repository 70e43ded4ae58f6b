using System.Runtime.InteropServices;

namespace MesosConsole.LocalCluster.Files.Native;

/// <summary>
/// The few libc calls the files service needs that .NET does not expose: a full stat (link count,
/// owner, st_mode with the file type), realpath (symlinks resolved, to keep reads inside attached
/// directories) and owner names. Linux only, like the agent's process handling.
/// </summary>
internal static unsafe partial class FilesInterop
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>struct statx is the same on every Linux architecture, unlike struct stat.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(16)] public uint Nlink;
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxNative(int dirFd, string path, int flags, uint mask, StatxBuffer* buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint RealpathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "getpwuid_r")]
    private static partial int GetPwUidR(uint uid, byte* entry, byte* buffer, nuint bufferLength, byte** result);

    [LibraryImport("libc", EntryPoint = "getgrgid_r")]
    private static partial int GetGrGidR(uint gid, byte* entry, byte* buffer, nuint bufferLength, byte** result);

    /// <summary>stat(2) semantics (symlinks followed); false when the path does not exist or cannot be read.</summary>
    public static bool TryStat(string path, out StatxBuffer stat)
    {
        StatxBuffer buffer;
        var rc = StatxNative(AtFdCwd, path, 0, StatxBasicStats, &buffer);
        stat = buffer;
        return rc == 0;
    }

    /// <summary>The canonical absolute path, or null when it (or a component) does not exist.</summary>
    public static string? Realpath(string path)
    {
        var resolved = RealpathNative(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    public static string? UserName(uint uid) => LookupName(uid, user: true);

    public static string? GroupName(uint gid) => LookupName(gid, user: false);

    // struct passwd and struct group both start with the name pointer, and neither is larger than
    // 64 bytes on 64-bit Linux, so one buffer shape serves both lookups.
    private static string? LookupName(uint id, bool user)
    {
        const int EntrySize = 64;
        const int ERange = 34;
        byte* entry = stackalloc byte[EntrySize];
        for (var length = 1024; length <= 1 << 20; length *= 4)
        {
            var buffer = new byte[length];
            fixed (byte* data = buffer)
            {
                byte* result = null;
                var rc = user
                    ? GetPwUidR(id, entry, data, (nuint)length, &result)
                    : GetGrGidR(id, entry, data, (nuint)length, &result);
                if (rc == ERange)
                {
                    continue;
                }

                return rc == 0 && result != null ? Marshal.PtrToStringUTF8(*(nint*)result) : null;
            }
        }

        return null;
    }
}
