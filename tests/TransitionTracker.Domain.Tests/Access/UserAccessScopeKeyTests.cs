using TransitionTracker.Domain.Access;

namespace TransitionTracker.Domain.Tests.Access;

/// <summary>Results that depend on what the reader may see are shared between users with the same <see cref="UserAccess.ScopeKey"/>.</summary>
public sealed class UserAccessScopeKeyTests
{
    private static readonly Dictionary<string, string> PctRegions = new() { ["5D7"] = "Q30", ["5KF"] = "Q30" };

    [Fact]
    public void Everyone_who_reads_everything_shares_one_key()
    {
        var administrator = Access(new RoleAssignment("a", Role.Administrator, null));
        var national = Access(new RoleAssignment("b", Role.NationalViewer, null));
        var nationalAndLead = Access(new RoleAssignment("c", Role.NationalViewer, null), new RoleAssignment("c", Role.RegionalLead, "Q30"));

        Assert.Equal("all", administrator.ScopeKey);
        Assert.Equal(administrator.ScopeKey, national.ScopeKey);
        Assert.Equal(administrator.ScopeKey, nationalAndLead.ScopeKey);
    }

    [Fact]
    public void The_same_assignments_in_any_order_give_the_same_key_and_different_scopes_different_keys()
    {
        var one = Access(new RoleAssignment("a", Role.PctManager, "5D7"), new RoleAssignment("a", Role.PctManager, "5KF"));
        var sameOtherOrder = Access(new RoleAssignment("b", Role.PctManager, "5KF"), new RoleAssignment("b", Role.PctManager, "5D7"));
        var fewer = Access(new RoleAssignment("c", Role.PctManager, "5D7"));
        var regionalLead = Access(new RoleAssignment("d", Role.RegionalLead, "Q30"));
        var consortiumLead = Access(new RoleAssignment("e", Role.ConsortiumLead, "00G"));

        Assert.Equal(one.ScopeKey, sameOtherOrder.ScopeKey);
        var keys = new[] { one.ScopeKey, fewer.ScopeKey, regionalLead.ScopeKey, consortiumLead.ScopeKey, UserAccess.None.ScopeKey };
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    private static UserAccess Access(params RoleAssignment[] assignments) => new(assignments, PctRegions);
}
