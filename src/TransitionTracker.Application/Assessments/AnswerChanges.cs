using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// What changed in a submitted assessment since the previous submitted assessment of the same consortium and
/// framework (whatever its version): the score and track, each domain's score, and each criterion's answer and
/// evidence. Criteria only in the newer framework version are new, those only in the older one are gone.
/// </summary>
/// <param name="Criteria">Every criterion of either version, changed or not: the newer version's in its order, then the gone ones.</param>
public sealed record AnswerChanges(
    int PreviousId,
    DateTime PreviousSubmittedAtUtc,
    int PreviousFrameworkVersion,
    double? ScoreBefore,
    double? ScoreAfter,
    Track? TrackBefore,
    Track? TrackAfter,
    IReadOnlyList<AnswerChanges.DomainChange> Domains,
    IReadOnlyList<AnswerChanges.CriterionChange> Criteria)
{
    /// <summary>
    /// The criteria whose answer or evidence changed, or that are new or gone. This and the other worked-out properties
    /// are left out of JSON, so a page's persisted state carries the facts only.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<CriterionChange> Changed => Criteria.Where(c => c.Changed).ToList();

    [JsonIgnore]
    public bool ScoreChanged => ScoreBefore != ScoreAfter;

    [JsonIgnore]
    public bool TrackChanged => TrackBefore != TrackAfter;

    /// <param name="Before">The score in the previous assessment; null when it had no score in this domain or no such domain.</param>
    public sealed record DomainChange(string Id, string Name, double? Before, double? After)
    {
        [JsonIgnore]
        public bool Changed => Before != After;
    }

    /// <param name="Before">The previous answer as people read it (<see cref="AnswerText.Describe"/>); null when the criterion is new.</param>
    /// <param name="After">This assessment's answer as people read it; null when the criterion is gone.</param>
    public sealed record CriterionChange(string CriterionId, string CriterionText, string DomainName, string? Before, string? After, bool EvidenceChanged)
    {
        [JsonIgnore]
        public bool IsNew => Before is null;

        [JsonIgnore]
        public bool IsGone => After is null;

        [JsonIgnore]
        public bool AnswerChanged => !string.Equals(Before, After, StringComparison.Ordinal);

        [JsonIgnore]
        public bool Changed => AnswerChanged || EvidenceChanged;
    }

    /// <summary>
    /// The submitted assessment <paramref name="assessmentId"/> of the consortium, with its answers, and the submitted
    /// assessment of the same framework just before it (by submission time, then id), in one query: newest first, one
    /// or two of them; none when there is no such submitted assessment.
    /// </summary>
    internal static Task<List<Assessment>> WithPreviousAsync(TransitionTrackerDbContext db, string consortiumCode, int assessmentId, CancellationToken cancellationToken)
    {
        var opened = db.Assessments.Where(t => t.Id == assessmentId && t.ConsortiumCode == consortiumCode && t.Status == AssessmentStatus.Submitted);
        return db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == consortiumCode && a.Status == AssessmentStatus.Submitted)
            .Where(a => opened.Any(t => t.FrameworkId == a.FrameworkId
                && (t.Id == a.Id || a.SubmittedAtUtc < t.SubmittedAtUtc || (a.SubmittedAtUtc == t.SubmittedAtUtc && a.Id < t.Id))))
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .Take(2)
            .ToListAsync(cancellationToken);
    }

    /// <summary>What changed from <paramref name="previous"/> (made against <paramref name="previousFramework"/>) to <paramref name="current"/>.</summary>
    public static AnswerChanges Between(Assessment previous, Framework previousFramework, Assessment current, Framework currentFramework)
    {
        var criteria = currentFramework.Domains
            .SelectMany(d => currentFramework.CriteriaOf(d.Id).Select(c => (Criterion: c, Domain: d.Name)))
            .Select(x => Compare(x.Criterion, x.Domain, previousFramework.FindCriterion(x.Criterion.Id) is null ? null : previous, current))
            .Concat(previousFramework.Domains
                .SelectMany(d => previousFramework.CriteriaOf(d.Id).Select(c => (Criterion: c, Domain: d.Name)))
                .Where(x => currentFramework.FindCriterion(x.Criterion.Id) is null)
                .Select(x => Compare(x.Criterion, x.Domain, previous, null)))
            .ToList();

        var before = DomainScoresOf(previous);
        var after = DomainScoresOf(current);
        var domains = after.Select(d => new DomainChange(d.Id, d.Name, before.FirstOrDefault(b => b.Id == d.Id)?.Score, d.Score))
            .Concat(before.Where(b => after.All(a => a.Id != b.Id)).Select(b => new DomainChange(b.Id, b.Name, b.Score, null)))
            .ToList();

        return new AnswerChanges(
            previous.Id, previous.SubmittedAtUtc!.Value, previous.FrameworkVersion, previous.Score, current.Score, previous.Track, current.Track, domains, criteria);
    }

    // previous or current is null when the criterion is not in that assessment's framework version.
    private static CriterionChange Compare(Criterion criterion, string domainName, Assessment? previous, Assessment? current)
    {
        var was = previous?.ResponseTo(criterion.Id);
        var now = current?.ResponseTo(criterion.Id);
        return new CriterionChange(
            criterion.Id,
            criterion.Text,
            domainName,
            previous is null ? null : AnswerText.Describe(AnswerText.ValueOf(was)),
            current is null ? null : AnswerText.Describe(AnswerText.ValueOf(now)),
            previous is not null && current is not null && !string.Equals(was?.Evidence, now?.Evidence, StringComparison.Ordinal));
    }

    // Each domain's score as frozen at submission (the stored result names the domains too).
    private static IReadOnlyList<ReadinessReport.DomainScore> DomainScoresOf(Assessment assessment) =>
        assessment.ResultJson is { } json
            ? JsonSerializer.Deserialize<ReadinessReport>(json, JsonSerializerOptions.Web)?.Domains ?? []
            : [];
}
