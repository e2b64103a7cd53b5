using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// Scores a set of responses against a framework exactly as PRODUCT §5 says. Regional dashboards score every
/// consortium on every request, so the work is done over the framework's precomputed arrays and on the stack;
/// the only allocations are the result itself.
/// </summary>
public static class ReadinessScorer
{
    /// <summary>
    /// Slack allowed in every comparison, so that a score exactly on a threshold on paper counts as reaching it
    /// even when floating-point arithmetic lands a hair below.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>Above this many criteria or domains the working arrays go on the heap rather than the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>
    /// Scores validated responses (see <see cref="ResponseSetValidator"/>). A criterion without a response counts
    /// as not started.
    /// </summary>
    /// <exception cref="ArgumentException">A response names a criterion not in the framework, or has neither
    /// status nor level, or a level on the status scale: input that validation would have refused.</exception>
    public static ReadinessResult Score(Framework framework, IReadOnlyList<CriterionResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count == 0)
        {
            return SpecialResult(framework, 0, BlockerKind.NotAssessed);
        }

        var criterionCount = framework.Criteria.Count;
        var domainCount = framework.Domains.Count;

        // A value from 0 to 1 per criterion, NaN for not applicable; zero-initialised, so unanswered is not started.
        Span<double> values = criterionCount <= StackLimit ? stackalloc double[criterionCount] : new double[criterionCount];
        ReadValues(framework, responses, values);

        Span<double> applicableWeights = domainCount <= StackLimit ? stackalloc double[domainCount] : new double[domainCount];
        Span<double> weightedValues = domainCount <= StackLimit ? stackalloc double[domainCount] : new double[domainCount];
        var criterionWeights = framework.CriterionWeights;
        var criterionDomains = framework.CriterionDomains;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value))
            {
                continue;
            }

            var domain = criterionDomains[i];
            applicableWeights[domain] += criterionWeights[i];
            weightedValues[domain] += criterionWeights[i] * value;
        }

        // Domain scores overwrite weightedValues in place; NaN marks a domain with no score.
        var domainScores = weightedValues;
        var domainWeights = framework.DomainWeights;
        var weightedScores = 0.0;
        var scoredWeight = 0.0;
        for (var d = 0; d < domainCount; d++)
        {
            if (applicableWeights[d] > 0)
            {
                domainScores[d] = 100.0 * weightedValues[d] / applicableWeights[d];
                weightedScores += domainWeights[d] * domainScores[d];
                scoredWeight += domainWeights[d];
            }
            else
            {
                domainScores[d] = double.NaN;
            }
        }

        if (scoredWeight == 0)
        {
            return SpecialResult(framework, null, BlockerKind.NoApplicableCriteria);
        }

        var overall = weightedScores / scoredWeight;
        var blockers = FindBlockers(framework, overall, domainScores, values);
        return new ReadinessResult(
            Round(overall),
            blockers.Count == 0 ? Track.FastMover : Track.NeedsSupport,
            DomainResults(framework, domainScores),
            blockers,
            RankNextSteps(framework, values, applicableWeights, scoredWeight))
        {
            ExactScore = overall,
        };
    }

    /// <summary>Rounds a reported score: 1 decimal, half away from zero, as PRODUCT §5 requires.</summary>
    public static double Round(double score) => Math.Round(score, 1, MidpointRounding.AwayFromZero);

    private static void ReadValues(Framework framework, IReadOnlyList<CriterionResponse> responses, Span<double> values)
    {
        for (var i = 0; i < responses.Count; i++)
        {
            var response = responses[i];
            var criterion = framework.FindCriterion(response.CriterionId)
                ?? throw new ArgumentException($"Criterion {response.CriterionId} is not in framework {framework}.", nameof(responses));
            values[criterion.Index] = ValueOf(framework, response);
        }
    }

    private static double ValueOf(Framework framework, CriterionResponse response)
    {
        if (response.Level is int level)
        {
            if (framework.Scale != FrameworkScale.Levels)
            {
                throw new ArgumentException($"Criterion {response.CriterionId} has a level, but framework {framework} uses statuses.", nameof(response));
            }

            return (level - framework.LevelMin) / framework.LevelSpan;
        }

        return response.Status switch
        {
            ResponseStatus.NotStarted => 0,
            ResponseStatus.InProgress => 0.5,
            ResponseStatus.Met => 1,
            ResponseStatus.NotApplicable => double.NaN,
            _ => throw new ArgumentException($"Criterion {response.CriterionId} has neither a status nor a level.", nameof(response)),
        };
    }

    /// <summary>Every failed fast-mover condition, in a fixed order: threshold, then domains, then criteria, each in framework order.</summary>
    private static IReadOnlyList<Blocker> FindBlockers(
        Framework framework, double overall, ReadOnlySpan<double> domainScores, ReadOnlySpan<double> values)
    {
        List<Blocker>? blockers = null;
        if (overall < framework.FastMoverThreshold - Tolerance)
        {
            (blockers ??= []).Add(new Blocker(BlockerKind.OverallThreshold));
        }

        var floors = framework.DomainFloors;
        for (var d = 0; d < domainScores.Length; d++)
        {
            // NaN (no score) compares false, so an unscored domain is never below its floor.
            if (domainScores[d] < floors[d] - Tolerance)
            {
                (blockers ??= []).Add(new Blocker(BlockerKind.DomainFloor, Domain: framework.Domains[d].Id));
            }
        }

        var essential = framework.CriterionEssential;
        for (var i = 0; i < values.Length; i++)
        {
            // Written as !(>=) so that NaN, an essential criterion somehow marked not applicable, also blocks.
            if (essential[i] && !(values[i] >= 1))
            {
                (blockers ??= []).Add(new Blocker(BlockerKind.EssentialCriterion, Criterion: framework.Criteria[i].Id));
            }
        }

        return blockers ?? (IReadOnlyList<Blocker>)[];
    }

    private static DomainResult[] DomainResults(Framework framework, ReadOnlySpan<double> domainScores)
    {
        var results = new DomainResult[domainScores.Length];
        var floors = framework.DomainFloors;
        for (var d = 0; d < results.Length; d++)
        {
            var domain = framework.Domains[d];
            var score = domainScores[d];
            results[d] = double.IsNaN(score)
                ? new DomainResult(domain.Id, domain.Name, null, floors[d], false)
                : new DomainResult(domain.Id, domain.Name, Round(score), floors[d], score < floors[d] - Tolerance) { ExactScore = score };
        }

        return results;
    }

    /// <summary>
    /// Each applicable criterion not yet fully met, with the rise in the overall score if it alone became fully met.
    /// Only its own domain's score changes, so the gain is that domain's share of the overall score times the
    /// criterion's share of its domain times what is left to gain on it.
    /// </summary>
    private static NextStep[] RankNextSteps(
        Framework framework, ReadOnlySpan<double> values, ReadOnlySpan<double> applicableWeights, double scoredWeight)
    {
        Span<Candidate> candidates = values.Length <= StackLimit ? stackalloc Candidate[values.Length] : new Candidate[values.Length];
        var criterionWeights = framework.CriterionWeights;
        var criterionDomains = framework.CriterionDomains;
        var domainWeights = framework.DomainWeights;
        var essential = framework.CriterionEssential;
        var idRanks = framework.CriterionIdRanks;
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value) || value >= 1)
            {
                continue;
            }

            var domain = criterionDomains[i];
            var gain = 100.0 * domainWeights[domain] * criterionWeights[i] * (1 - value) / (applicableWeights[domain] * scoredWeight);
            candidates[count++] = new Candidate(i, essential[i], gain, idRanks[i]);
        }

        candidates = candidates[..count];
        candidates.Sort();
        var steps = new NextStep[count];
        for (var k = 0; k < count; k++)
        {
            var candidate = candidates[k];
            steps[k] = new NextStep(framework.Criteria[candidate.Index].Id, Round(candidate.Gain)) { ExactGain = candidate.Gain };
        }

        return steps;
    }

    /// <summary>The two results PRODUCT §5 defines apart from the rules: each has its one blocker and nothing else.</summary>
    private static ReadinessResult SpecialResult(Framework framework, double? score, BlockerKind blocker)
    {
        var domains = new DomainResult[framework.Domains.Count];
        for (var d = 0; d < domains.Length; d++)
        {
            var domain = framework.Domains[d];
            domains[d] = new DomainResult(domain.Id, domain.Name, null, domain.Floor, false);
        }

        return new ReadinessResult(score, Track.NeedsSupport, domains, [new Blocker(blocker)], []) { ExactScore = score };
    }

    /// <summary>A next step being ranked; a struct so that ranking allocates nothing.</summary>
    private readonly struct Candidate(int index, bool essential, double gain, int idRank) : IComparable<Candidate>
    {
        public int Index { get; } = index;

        public double Gain { get; } = gain;

        private bool Essential { get; } = essential;

        /// <summary>
        /// The gain cut to 9 decimals for ranking, so that two gains equal on paper but apart by rounding error
        /// fall back to the id order instead of to noise.
        /// </summary>
        private double RankingGain { get; } = Math.Round(gain, 9);

        private int IdRank { get; } = idRank;

        public int CompareTo(Candidate other)
        {
            if (Essential != other.Essential)
            {
                return Essential ? -1 : 1;
            }

            var byGain = other.RankingGain.CompareTo(RankingGain);
            return byGain != 0 ? byGain : IdRank.CompareTo(other.IdRank);
        }
    }
}
