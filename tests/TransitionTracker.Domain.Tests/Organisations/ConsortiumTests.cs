using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Tests.Organisations;

public sealed class ConsortiumTests
{
    [Fact]
    public void Host_pct_is_the_one_linked_as_host()
    {
        var consortium = new Consortium("00k", "Hartlepool and Stockton-on-Tees", "q30", ConsortiumStage.Shadow);
        consortium.LinkPct("5e1", isHost: true);
        consortium.LinkPct("5D9", isHost: false);

        Assert.Equal("00K", consortium.Code);
        Assert.Equal("5E1", consortium.HostPctCode);
        Assert.Equal(2, consortium.Pcts.Count);
    }

    [Fact]
    public void A_consortium_cannot_have_two_hosts_or_link_a_pct_twice()
    {
        var consortium = new Consortium("00K", "Test", "Q30", ConsortiumStage.Shadow);
        consortium.LinkPct("5E1", isHost: true);

        Assert.Throws<InvalidOperationException>(() => consortium.LinkPct("5D9", isHost: true));
        Assert.Throws<InvalidOperationException>(() => consortium.LinkPct("5e1", isHost: false));
    }

    [Fact]
    public void A_practice_is_a_current_member_once_and_cannot_leave_before_joining()
    {
        var consortium = new Consortium("00K", "Test", "Q30", ConsortiumStage.Pathfinder);
        consortium.AddMember("A81001", new DateOnly(2010, 10, 1));

        Assert.Throws<InvalidOperationException>(() => consortium.AddMember("a81001", new DateOnly(2011, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => consortium.Memberships[0].Leave(new DateOnly(2010, 9, 30)));
        consortium.Memberships[0].Leave(new DateOnly(2012, 3, 31));
        Assert.False(consortium.Memberships[0].IsCurrent);
        consortium.AddMember("A81001", new DateOnly(2012, 4, 1));
        Assert.Equal(2, consortium.Memberships.Count);
    }

    [Theory]
    [InlineData(ConsortiumStage.Shadow, "shadow", "Shadow")]
    [InlineData(ConsortiumStage.DelegatedBudget, "delegated-budget", "Delegated budget")]
    public void Stages_have_wire_and_display_names_that_round_trip(ConsortiumStage stage, string wire, string display)
    {
        Assert.Equal(wire, stage.ToWire());
        Assert.Equal(display, stage.ToDisplay());
        Assert.True(ConsortiumStageNames.TryParseWire(wire.ToUpperInvariant(), out var parsed));
        Assert.Equal(stage, parsed);
        Assert.False(ConsortiumStageNames.TryParseWire("nonsense", out _));
    }
}
