using System.Collections;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// A result's domains, kept as one number per domain and turned into <see cref="DomainResult"/>s as they are read.
/// Regional dashboards score every consortium at once, and building every domain's record up front cost more than
/// working out the scores did.
/// </summary>
internal sealed class DomainResultList(Framework framework, double[] exactScores) : IReadOnlyList<DomainResult>
{
    public int Count => exactScores.Length;

    public DomainResult this[int index]
    {
        get
        {
            var domain = framework.DomainArray[index];
            var score = exactScores[index];
            return double.IsNaN(score)
                ? new DomainResult(domain.Id, domain.Name, null, domain.Floor, false)
                : new DomainResult(domain.Id, domain.Name, ReadinessScorer.Round(score), domain.Floor, ReadinessScorer.IsBelowFloor(score, domain.Floor)) { ExactScore = score };
        }
    }

    public IEnumerator<DomainResult> GetEnumerator()
    {
        for (var d = 0; d < exactScores.Length; d++)
        {
            yield return this[d];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
