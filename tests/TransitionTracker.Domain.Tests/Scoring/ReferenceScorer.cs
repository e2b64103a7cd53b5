using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Tests.Scoring;

/// <summary>
/// docs/scoring.md transcribed as directly as possible, with no thought for speed, to check the real scorer against.
/// </summary>
internal static class ReferenceScorer
{
    public static (double? Overall, double?[] Domains, List<Blocker> Blockers) Score(
        Framework framework, IReadOnlyList<CriterionResponse> responses)
    {
        var domainScores = framework.Domains.Select(_ => (double?)null).ToArray();
        if (responses.Count == 0)
        {
            return (0, domainScores, [new Blocker(BlockerKind.NotAssessed)]);
        }

        double? ValueOf(Criterion c) => RandomAssessments.Value(framework, responses.FirstOrDefault(r => r.CriterionId == c.Id));

        for (var d = 0; d < framework.Domains.Count; d++)
        {
            var applicable = framework.CriteriaOf(framework.Domains[d].Id).Where(c => ValueOf(c) is not null).ToList();
            if (applicable.Count > 0)
            {
                domainScores[d] = 100 * applicable.Sum(c => c.Weight * ValueOf(c)!.Value) / applicable.Sum(c => c.Weight);
            }
        }

        var scored = Enumerable.Range(0, framework.Domains.Count).Where(d => domainScores[d] is not null).ToList();
        if (scored.Count == 0)
        {
            return (null, domainScores, [new Blocker(BlockerKind.NoApplicableCriteria)]);
        }

        var overall = scored.Sum(d => framework.Domains[d].Weight * domainScores[d]!.Value) / scored.Sum(d => framework.Domains[d].Weight);
        var blockers = new List<Blocker>();
        if (overall < framework.FastMoverThreshold - 1e-9)
        {
            blockers.Add(new Blocker(BlockerKind.OverallThreshold));
        }

        blockers.AddRange(scored
            .Where(d => domainScores[d] < framework.Domains[d].Floor - 1e-9)
            .Select(d => new Blocker(BlockerKind.DomainFloor, Domain: framework.Domains[d].Id)));
        blockers.AddRange(framework.Criteria
            .Where(c => c.Essential && ValueOf(c) != 1)
            .Select(c => new Blocker(BlockerKind.EssentialCriterion, Criterion: c.Id)));
        return (overall, domainScores, blockers);
    }
}
