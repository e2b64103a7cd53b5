using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Tests.Organisations;

public sealed class ConsortiumFormationTests
{
    private static readonly DateOnly Joined = new(2010, 10, 1);
    private static readonly DateOnly MergedOn = new(2011, 9, 1);

    [Fact]
    public void A_stage_change_is_kept_with_the_stage_before_and_the_date()
    {
        var consortium = new Consortium("00G", "North", "Q30", ConsortiumStage.Shadow);

        consortium.ChangeStage(ConsortiumStage.Pathfinder, new DateOnly(2011, 1, 14));

        Assert.Equal(ConsortiumStage.Pathfinder, consortium.Stage);
        var change = Assert.Single(consortium.StageChanges);
        Assert.Equal((ConsortiumStage.Shadow, ConsortiumStage.Pathfinder, new DateOnly(2011, 1, 14)), (change.FromStage, change.ToStage, change.ChangedOn));
        Assert.Throws<InvalidOperationException>(() => consortium.ChangeStage(ConsortiumStage.Pathfinder, new DateOnly(2011, 2, 1)));
    }

    [Fact]
    public void A_merge_moves_every_current_member_that_day_links_the_pcts_and_keeps_the_past_members()
    {
        var (source, target) = Pair();
        source.AddMember("A1", Joined);
        source.AddMember("A2", Joined);
        source.Memberships[1].Leave(new DateOnly(2011, 3, 1));

        source.MergeInto(target, MergedOn);

        Assert.True(source.IsMerged);
        Assert.Equal(("00H", MergedOn), (source.MergedIntoCode, source.MergedOn));
        Assert.All(source.Memberships, m => Assert.False(m.IsCurrent));
        Assert.Equal(MergedOn, source.Memberships[0].LeftOn);
        Assert.Equal(new DateOnly(2011, 3, 1), source.Memberships[1].LeftOn);
        Assert.Equal(["B1", "A1"], target.Memberships.Where(m => m.IsCurrent).Select(m => m.PracticeCode));
        Assert.Equal(MergedOn, target.Memberships.Single(m => m.PracticeCode == "A1").JoinedOn);
        Assert.Equal([("5D7", true), ("5D8", false)], target.Pcts.Select(p => (p.PctCode, p.IsHost)));
    }

    [Fact]
    public void A_merged_consortium_takes_no_further_stage_or_merge()
    {
        var (source, target) = Pair();
        source.MergeInto(target, MergedOn);

        Assert.Throws<InvalidOperationException>(() => source.ChangeStage(ConsortiumStage.Authorised, MergedOn));
        Assert.Throws<InvalidOperationException>(() => source.MergeInto(target, MergedOn));
        Assert.Throws<InvalidOperationException>(() => target.MergeInto(source, MergedOn));
        Assert.Throws<InvalidOperationException>(() => target.MergeInto(target, MergedOn));
    }

    private static (Consortium Source, Consortium Target) Pair()
    {
        var source = new Consortium("00G", "North", "Q30", ConsortiumStage.Shadow);
        source.LinkPct("5D8", isHost: true);
        var target = new Consortium("00H", "West", "Q30", ConsortiumStage.Pathfinder);
        target.LinkPct("5D7", isHost: true);
        target.AddMember("B1", Joined);
        return (source, target);
    }
}
