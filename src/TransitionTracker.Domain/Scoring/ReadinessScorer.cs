using System.Runtime.InteropServices;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// Scores a set of responses against a framework exactly as docs/scoring.md says. Regional dashboards score every
/// consortium on every request, so the work is done over the framework's precomputed arrays and on the stack, the
/// result keeps plain numbers that become records as they are read, and next steps are ranked only when read.
/// </summary>
public static class ReadinessScorer
{
    /// <summary>
    /// Slack allowed in every comparison, so that a score exactly on a threshold on paper counts as reaching it
    /// even when floating-point arithmetic lands a hair below.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>Above this many numbers the working space goes on the heap rather than the stack.</summary>
    private const int StackLimit = 512;

    private const double GainUnitsPerPoint = 1e9;

    /// <summary>A gain cannot exceed 100 points; 100 × 10⁹ units needs 37 bits.</summary>
    private const long MaxGainUnits = 100 * (long)GainUnitsPerPoint;

    /// <summary>Enough for <see cref="FrameworkLoader.MaxCriteria"/> criteria.</summary>
    private const int IdRankBits = 12;

    private const long IdRankMask = (1L << IdRankBits) - 1;

    /// <summary>Value of each <see cref="ResponseStatus"/>, indexed by it; NaN marks not applicable.</summary>
    private static ReadOnlySpan<double> StatusValues => [0, 0.5, 1, double.NaN];

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

        var criterionCount = framework.CriterionIds.Length;
        var domainCount = framework.DomainArray.Length;

        // One working space carved into the arrays below, so the stack is cleared once rather than per array.
        var size = criterionCount + 2 * domainCount;
        var space = size <= StackLimit ? stackalloc double[size] : new double[size];

        // Per criterion: its value 0–1, NaN for not applicable; zero-initialised, so unanswered is not started.
        var values = space[..criterionCount];

        // Per domain: its score, NaN when it has none; and the weight of its applicable criteria.
        var domainScores = space.Slice(criterionCount, domainCount);
        var applicableWeights = space.Slice(criterionCount + domainCount, domainCount);

        ReadValues(framework, responses, values);
        var scoredWeight = ScoreDomains(framework, values, domainScores, applicableWeights);
        if (scoredWeight == 0)
        {
            return SpecialResult(framework, null, BlockerKind.NoApplicableCriteria);
        }

        var overall = 0.0;
        var domainWeights = framework.DomainWeights;
        for (var d = 0; d < domainCount; d++)
        {
            if (!double.IsNaN(domainScores[d]))
            {
                overall += domainWeights[d] * domainScores[d];
            }
        }

        overall /= scoredWeight;
        var blockers = FindBlockers(framework, overall, domainScores, values);
        return new ReadinessResult(
            overall,
            blockers.Length == 0 ? Track.FastMover : Track.NeedsSupport,
            new DomainResultList(framework, domainScores.ToArray()),
            blockers,
            framework,
            values.ToArray());
    }

    /// <summary>
    /// Rounds a reported score: 1 decimal, half away from zero, as docs/scoring.md ("The scores") requires.
    /// </summary>
    public static double Round(double score) => Math.Round(score, 1, MidpointRounding.AwayFromZero);

    private static void ReadValues(Framework framework, IReadOnlyList<CriterionResponse> responses, Span<double> values)
    {
        // Arrays and lists, which is what callers pass, are walked as spans to avoid an interface call per response.
        switch (responses)
        {
            case CriterionResponse[] array:
                ReadValues(framework, array.AsSpan(), values);
                break;
            case List<CriterionResponse> list:
                ReadValues(framework, CollectionsMarshal.AsSpan(list), values);
                break;
            default:
                foreach (var response in responses)
                {
                    values[IndexOf(framework, response)] = ValueOf(framework, response);
                }

                break;
        }
    }

    private static void ReadValues(Framework framework, ReadOnlySpan<CriterionResponse> responses, Span<double> values)
    {
        foreach (var response in responses)
        {
            values[IndexOf(framework, response)] = ValueOf(framework, response);
        }
    }

    private static int IndexOf(Framework framework, CriterionResponse response) =>
        framework.FindCriterion(response.CriterionId)?.Index
        ?? throw new ArgumentException($"Criterion {response.CriterionId} is not in framework {framework}.", nameof(response));

    private static double ValueOf(Framework framework, CriterionResponse response)
    {
        if (response.Status is ResponseStatus status && (uint)status < (uint)StatusValues.Length)
        {
            return StatusValues[(int)status];
        }

        if (response.Level is int level && framework.Scale == FrameworkScale.Levels)
        {
            return (level - framework.LevelMin) / framework.LevelSpan;
        }

        throw new ArgumentException(
            $"Criterion {response.CriterionId} needs a status, or a level on a levels framework; framework {framework} is {framework.Scale}.",
            nameof(response));
    }

    /// <summary>
    /// Fills each domain's score (NaN when all its criteria are not applicable) and the weight of its applicable
    /// criteria, and returns the total weight of the scored domains. Each domain's criteria are summed in one run
    /// so the running totals stay in registers.
    /// </summary>
    private static double ScoreDomains(
        Framework framework, ReadOnlySpan<double> values, Span<double> domainScores, Span<double> applicableWeights)
    {
        var criterionWeights = framework.CriterionWeights;
        var grouped = framework.CriteriaGroupedByDomain;
        var groupStarts = framework.DomainGroupStarts;
        var domainWeights = framework.DomainWeights;
        var scoredWeight = 0.0;
        for (var d = 0; d < domainScores.Length; d++)
        {
            var applicableWeight = 0.0;
            var weightedValue = 0.0;
            for (var k = groupStarts[d]; k < groupStarts[d + 1]; k++)
            {
                var i = grouped[k];
                if (!double.IsNaN(values[i]))
                {
                    applicableWeight += criterionWeights[i];
                    weightedValue += criterionWeights[i] * values[i];
                }
            }

            applicableWeights[d] = applicableWeight;
            if (applicableWeight > 0)
            {
                domainScores[d] = 100.0 * weightedValue / applicableWeight;
                scoredWeight += domainWeights[d];
            }
            else
            {
                domainScores[d] = double.NaN;
            }
        }

        return scoredWeight;
    }

    /// <summary>Every failed fast-mover condition, in a fixed order: threshold, then domains, then criteria, each in framework order.</summary>
    private static Blocker[] FindBlockers(
        Framework framework, double overall, ReadOnlySpan<double> domainScores, ReadOnlySpan<double> values)
    {
        // Counted first so the result is one exactly sized array: most consortia have a few blockers or none.
        var belowThreshold = overall < framework.FastMoverThreshold - Tolerance;
        var floors = framework.DomainFloors;
        var essentials = framework.EssentialCriteria;
        var count = belowThreshold ? 1 : 0;
        for (var d = 0; d < domainScores.Length; d++)
        {
            count += IsBelowFloor(domainScores[d], floors[d]) ? 1 : 0;
        }

        foreach (var i in essentials)
        {
            count += FullyMet(values[i]) ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var blockers = new Blocker[count];
        var next = 0;
        if (belowThreshold)
        {
            blockers[next++] = new Blocker(BlockerKind.OverallThreshold);
        }

        for (var d = 0; d < domainScores.Length; d++)
        {
            if (IsBelowFloor(domainScores[d], floors[d]))
            {
                blockers[next++] = new Blocker(BlockerKind.DomainFloor, Domain: framework.DomainArray[d].Id);
            }
        }

        foreach (var i in essentials)
        {
            if (!FullyMet(values[i]))
            {
                blockers[next++] = new Blocker(BlockerKind.EssentialCriterion, Criterion: framework.CriterionIds[i]);
            }
        }

        return blockers;
    }

    /// <summary>NaN (no score) compares false, so an unscored domain is never below its floor.</summary>
    internal static bool IsBelowFloor(double score, double floor) => score < floor - Tolerance;

    /// <summary>Met, or at the top level. Written as >= so that NaN (not applicable, which an essential criterion
    /// may not be) counts as not met.</summary>
    private static bool FullyMet(double value) => value >= 1;

    /// <summary>
    /// Each applicable criterion not yet fully met, with the rise in the overall score if it alone became fully met.
    /// Only its own domain's score changes, so the gain is the points a unit of weight is worth in that domain
    /// (100 × its share of the scored domain weight ÷ its applicable criterion weight), times the criterion's
    /// weight, times what is left to gain on it (1 − value).
    /// </summary>
    internal static NextStep[] RankNextSteps(Framework framework, ReadOnlySpan<double> values)
    {
        var criterionCount = values.Length;
        var domainCount = framework.DomainArray.Length;
        var size = 2 * domainCount + criterionCount;
        var space = size <= StackLimit ? stackalloc double[size] : new double[size];

        // ScoreDomains leaves each domain's applicable weight in pointsPerWeight, which is then turned, in place,
        // into what one unit of criterion weight in that domain is worth in the overall score.
        var pointsPerWeight = space[..domainCount];
        var scoredWeight = ScoreDomains(framework, values, space.Slice(domainCount, domainCount), pointsPerWeight);
        var domainWeights = framework.DomainWeights;
        for (var d = 0; d < domainCount; d++)
        {
            // Left as 0 for a domain with no applicable criteria: none of its criteria can be a next step.
            var applicableWeight = pointsPerWeight[d];
            pointsPerWeight[d] = applicableWeight > 0 ? 100.0 * domainWeights[d] / (applicableWeight * scoredWeight) : 0;
        }

        var gains = space.Slice(2 * domainCount, criterionCount);
        Span<long> keys = criterionCount <= StackLimit ? stackalloc long[criterionCount] : new long[criterionCount];
        var criterionWeights = framework.CriterionWeights;
        var criterionDomains = framework.CriterionDomains;
        var essential = framework.CriterionEssential;
        var idRanks = framework.CriterionIdRanks;
        var count = 0;
        for (var i = 0; i < criterionCount; i++)
        {
            // NaN (not applicable) compares false, so this skips those as well as the fully met.
            if (values[i] < 1)
            {
                gains[i] = pointsPerWeight[criterionDomains[i]] * criterionWeights[i] * (1 - values[i]);
                keys[count++] = RankingKey(essential[i], gains[i], idRanks[i]);
            }
        }

        keys = keys[..count];
        keys.Sort();
        var steps = new NextStep[count];
        var byIdRank = framework.CriteriaByIdRank;
        for (var k = 0; k < count; k++)
        {
            var criterion = byIdRank[(int)(keys[k] & IdRankMask)];
            steps[k] = new NextStep(framework.CriterionIds[criterion], Round(gains[criterion])) { ExactGain = gains[criterion] };
        }

        return steps;
    }

    /// <summary>
    /// Packs the next-step order into one number, so ranking is a sort of plain longs: essential first (top bit),
    /// then larger gain (counted down in billionths of a point, so that gains equal on paper but apart by rounding
    /// error tie), then criterion id order (low bits, which also say which criterion the key belongs to).
    /// </summary>
    private static long RankingKey(bool essential, double gain, int idRank)
    {
        var gainUnits = Math.Clamp((long)Math.Round(gain * GainUnitsPerPoint), 0, MaxGainUnits);
        return (essential ? 0L : 1L) << 60 | (MaxGainUnits - gainUnits) << IdRankBits | (long)idRank;
    }

    /// <summary>
    /// The two results docs/scoring.md ("The track") defines apart from the rules: each has its one blocker and nothing
    /// else.
    /// </summary>
    private static ReadinessResult SpecialResult(Framework framework, double? score, BlockerKind blocker)
    {
        var domains = new DomainResult[framework.DomainArray.Length];
        for (var d = 0; d < domains.Length; d++)
        {
            var domain = framework.DomainArray[d];
            domains[d] = new DomainResult(domain.Id, domain.Name, null, domain.Floor, false);
        }

        return new ReadinessResult(score, Track.NeedsSupport, domains, [new Blocker(blocker)], nextSteps: []);
    }
}
