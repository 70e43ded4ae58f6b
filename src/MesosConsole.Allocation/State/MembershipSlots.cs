namespace MesosConsole.Allocation.State;

/// <summary>Hands out small, reused slot numbers for role memberships and maps them back.</summary>
internal sealed class MembershipSlots
{
    private readonly Stack<int> _free = new();
    private RoleMembership?[] _bySlot = new RoleMembership?[16];
    private int _next;

    public RoleMembership Create(FrameworkState framework, RoleState role)
    {
        var slot = _free.Count > 0 ? _free.Pop() : _next++;
        if (slot >= _bySlot.Length)
        {
            Array.Resize(ref _bySlot, _bySlot.Length * 2);
        }

        return _bySlot[slot] = new RoleMembership(framework, role, slot);
    }

    /// <summary>Frees the slot; the caller has already removed every filter stored under it.</summary>
    public void Release(RoleMembership membership)
    {
        _bySlot[membership.Slot] = null;
        _free.Push(membership.Slot);
    }

    public RoleMembership? this[int slot] => _bySlot[slot];
}
