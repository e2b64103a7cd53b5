using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Assessments;

/// <summary>Regional leads confirming or overriding the tracks of their region's consortia; each decision the next revision.</summary>
public sealed class TrackReviewTests : IAsyncLifetime
{
    private const string Reason = "Accountable officer post vacant until June.";

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_regional_lead_records_decisions_each_the_next_revision_recorded_as_theirs()
    {
        var regional = await _host.UserAsync(Demo.RegionalLead);

        var first = await DecideAsync(regional, Demo.LeadsConsortium, 0, "needs-support", Reason);
        var second = await DecideAsync(regional, Demo.LeadsConsortium, first.Revision, "fast-mover", "Finance plan signed off.");
        var readiness = await _host.RunAsync<ConsortiumReadinessReader, ConsortiumReadiness?>(r => r.ReadAsync(regional, Demo.LeadsConsortium, CancellationToken.None));

        Assert.True(first.IsSaved);
        Assert.Equal(TrackDecision.FirstRevision, first.Revision);
        Assert.True(second.IsSaved);
        Assert.Equal(TrackDecision.FirstRevision + 1, second.Revision);
        Assert.Equal(Track.FastMover, readiness!.EffectiveTrack);
        Assert.Equal(Demo.RegionalLead, readiness.Decision!.DecidedBy);
        await using var db = _host.OpenContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(TrackDecision) && a.Actor == Demo.RegionalLead));
    }

    [Fact]
    public async Task Anyone_who_may_not_review_the_consortium_is_told_not_found_and_nothing_is_stored()
    {
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var national = await _host.UserAsync(Demo.National);
        var manager = await _host.UserAsync(Demo.PctManager);

        Assert.Equal(EditStatus.NotFound, (await DecideAsync(regional, Demo.OtherRegionConsortium, 0, "fast-mover", Reason)).Status);
        Assert.Equal(EditStatus.NotFound, (await DecideAsync(national, Demo.LeadsConsortium, 0, "fast-mover", Reason)).Status);
        Assert.Equal(EditStatus.NotFound, (await DecideAsync(manager, Demo.ManagedConsortium, 0, "fast-mover", Reason)).Status);
        Assert.Equal(EditStatus.NotFound, (await DecideAsync(null, Demo.LeadsConsortium, 0, "fast-mover", Reason)).Status);
        Assert.Equal(0, await DecisionsAsync());
    }

    [Fact]
    public async Task A_decision_based_on_an_older_decision_is_a_conflict_with_the_other_decision_and_is_not_stored()
    {
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var first = await DecideAsync(regional, Demo.LeadsConsortium, 0, "needs-support", Reason);

        var stale = await DecideAsync(regional, Demo.LeadsConsortium, 0, "fast-mover", "Strong clinical leadership.");

        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(first.Revision, stale.Value!.Revision);
        Assert.Equal(Reason, stale.Value.Reason);
        Assert.Equal(first.Revision, stale.Conflict!.CurrentRevision);
        Assert.Equal(Demo.RegionalLead, stale.Conflict.ChangedBy);
        Assert.Equal(1, await DecisionsAsync());
    }

    [Fact]
    public async Task A_decision_without_a_revision_track_or_reason_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var regional = await _host.UserAsync(Demo.RegionalLead);

        var empty = await DecideAsync(regional, Demo.LeadsConsortium, null, "", " ");
        var tooLong = await DecideAsync(regional, Demo.LeadsConsortium, 0, "fast-mover", new string('r', TrackDecision.ReasonMaxLength + 1));

        Assert.Equal(EditStatus.Invalid, empty.Status);
        Assert.Equal([EditOutcome.RevisionField, TrackReview.TrackField, TrackReview.ReasonField], empty.Problems.Select(p => p.Field).ToArray());
        Assert.Equal(TrackReview.ReasonField, Assert.Single(tooLong.Problems).Field);
        Assert.Contains("1,000 characters or fewer", tooLong.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await DecisionsAsync());
    }

    private Task<EditOutcome<TrackDecision>> DecideAsync(ActingUser? user, string code, int? basedOn, string track, string reason) =>
        _host.RunAsync<TrackReview, EditOutcome<TrackDecision>>(r => r.DecideAsync(user, code, basedOn, track, reason, CancellationToken.None));

    private async Task<int> DecisionsAsync()
    {
        await using var db = _host.OpenContext();
        return await db.TrackDecisions.CountAsync();
    }
}
