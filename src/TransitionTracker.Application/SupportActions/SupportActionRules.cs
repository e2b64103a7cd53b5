using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.SupportActions;

/// <summary>
/// When a support action is overdue, as database queries (the same rule as <see cref="SupportAction.IsOverdue"/>):
/// not done, due before today, and its criterion not met in the consortium's latest submitted assessment of the
/// framework actions aim at. An open action whose criterion is met is waiting to be closed, not late
/// (docs/architecture.md, "Support actions: overdue or ready to close"). Dashboards and action pages all use these,
/// so a count and a list never disagree.
/// </summary>
public static class SupportActionRules
{
    /// <summary>
    /// The criteria answered "met" in each consortium's latest submitted assessment of <see cref="SupportActionBoard.FrameworkId"/>;
    /// composed into other queries as a correlated subquery, served by the (ConsortiumCode, Status, SubmittedAtUtc)
    /// and (AssessmentId, CriterionId) indexes.
    /// </summary>
    public static IQueryable<MetCriterion> MetCriteria(TransitionTrackerDbContext db)
    {
        var submitted = db.Assessments.Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == SupportActionBoard.FrameworkId);
        return from a in submitted
               where !submitted.Any(b => b.ConsortiumCode == a.ConsortiumCode
                   && (b.SubmittedAtUtc > a.SubmittedAtUtc || (b.SubmittedAtUtc == a.SubmittedAtUtc && b.Id > a.Id)))
               join r in db.AssessmentResponses on a.Id equals r.AssessmentId
               where r.Status == ResponseStatus.Met
               select new MetCriterion { ConsortiumCode = a.ConsortiumCode, CriterionId = r.CriterionId };
    }

    /// <summary>Every overdue action on <paramref name="today"/> (a UK date).</summary>
    public static IQueryable<SupportAction> Overdue(TransitionTrackerDbContext db, DateOnly today)
    {
        var met = MetCriteria(db);
        return db.SupportActions.AsNoTracking().Where(s => s.Status != SupportActionStatus.Done && s.DueOn < today
            && !met.Any(m => m.ConsortiumCode == s.ConsortiumCode && m.CriterionId == s.CriterionId));
    }
}
