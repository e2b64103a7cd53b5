using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Text;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// Regional leads confirming or overriding a consortium's track. The computed result is never touched. A decision
/// is based on the latest decision the lead saw (its revision, 0 for none) and is appended with the next revision of
/// the consortium's decisions: if anyone decided since, it is refused, as every other edit is, and the outcome's value
/// is the other decision (docs/architecture.md, "Editing: one outcome, one revision rule").
/// </summary>
public sealed class TrackReview(DbContexts contexts, OrganisationScope scope, ConsortiumReadinessReader reader, RevisionCheckedSave save, TimeProvider clock, Notifications.Reminders reminders)
{
    /// <summary>The input name of the track chosen (its wire name: <c>fast-mover</c>, <c>needs-support</c>).</summary>
    public const string TrackField = "track";

    /// <summary>The input name of the reason for the decision.</summary>
    public const string ReasonField = "reason";

    /// <summary>
    /// Records the decision, if <paramref name="basedOn"/> is the revision of the latest decision (0 for none). Every
    /// problem with the input is reported at once, a missing revision first (<see cref="EditOutcome.RevisionField"/>).
    /// Not found when the user may not review the consortium.
    /// </summary>
    public async Task<EditOutcome<TrackDecision>> DecideAsync(
        ActingUser? user, string consortiumCode, int? basedOn, string? track, string? reason, CancellationToken cancellationToken)
    {
        if (user is null || !await scope.AllowsAsync(user, OrganisationKind.Consortium, AccessOperation.Review, consortiumCode, cancellationToken))
        {
            return EditOutcome<TrackDecision>.From(EditOutcome.NotFound());
        }

        var problems = new List<FieldProblem>();
        if (basedOn is null)
        {
            problems.AddRange(EditOutcome.RevisionRequired().Problems);
        }

        if (!WireNames.TryParseTrack(track, out var chosen))
        {
            problems.Add(new FieldProblem(TrackField, "Select the track this consortium should be on"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new FieldProblem(ReasonField, "Enter the reason for your decision"));
        }
        else if (reason.Length > TrackDecision.ReasonMaxLength)
        {
            problems.Add(new FieldProblem(ReasonField, $"The reason must be {TrackDecision.ReasonMaxLength:N0} characters or fewer (it has {reason.Length:N0})"));
        }
        else if (PlainText.HasForbiddenCharacter(reason))
        {
            problems.Add(new FieldProblem(ReasonField, PlainText.ForbiddenMessage("The reason")));
        }

        if (problems.Count > 0)
        {
            return EditOutcome<TrackDecision>.From(EditOutcome.Invalid(problems));
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        var readiness = await reader.FindAsync(code, cancellationToken);
        var latest = readiness.Decision;
        var decision = new TrackDecision(code, chosen, readiness.ComputedTrack, reason!, user.AuditName, clock.GetUtcNow().UtcDateTime, latest);
        await using var db = contexts.Open(user);
        if ((latest?.Revision ?? 0) != basedOn)
        {
            return await RefusedAsync(db, decision, latest, cancellationToken);
        }

        db.TrackDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);

            // The consortium's leads and PCT managers hear of it at once (docs/architecture.md, "Reminders and notifications").
            await reminders.TrackDecidedAsync(decision, cancellationToken);
            return EditOutcome<TrackDecision>.From(EditOutcome.Saved(decision.Id, decision.Revision), decision);
        }
        catch (DbUpdateException)
        {
            // Another lead's decision with the same revision went in first (the unique index refused this one).
            db.ChangeTracker.Clear();
            var meanwhile = await db.TrackDecisions.AsNoTracking()
                .Where(d => d.ConsortiumCode == code)
                .OrderByDescending(d => d.Revision)
                .FirstOrDefaultAsync(cancellationToken);
            if (meanwhile is null || meanwhile.Revision <= basedOn)
            {
                throw;
            }

            return await RefusedAsync(db, decision, meanwhile, cancellationToken);
        }
    }

    // Counted as a conflict; the value is their decision (null when the page was based on a decision that never was).
    private async Task<EditOutcome<TrackDecision>> RefusedAsync(
        TransitionTrackerDbContext db, TrackDecision refused, TrackDecision? theirs, CancellationToken cancellationToken)
    {
        var outcome = await save.RefusedAsync(
            refused,
            (mine, ct) => EditConflict.LatestAsync(db, nameof(TrackDecision), mine.ConsortiumCode, theirs?.Id.ToString(CultureInfo.InvariantCulture), theirs?.Revision, ct),
            cancellationToken);
        return EditOutcome<TrackDecision>.From(outcome, theirs);
    }
}
