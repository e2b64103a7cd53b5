using BenchmarkDotNet.Attributes;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Benchmarks;

/// <summary>
/// Scores one national round of assessments (about 211 consortia) against the default framework, and compares it
/// with the least any scorer must do: look each response's criterion up and add weight × value.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Consortia = 211;

    private Framework framework = null!;
    private CriterionResponse[][] responseSets = null!;

    /// <summary>How many responses one run scores; divide by the time per run for responses per second.</summary>
    public int ResponseCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        framework = ShippedFrameworks.DefaultFramework;
        var random = new Random(2010);
        responseSets = new CriterionResponse[Consortia][];
        for (var i = 0; i < Consortia; i++)
        {
            responseSets[i] = NextResponseSet(random);
        }

        ResponseCount = responseSets.Sum(s => s.Length);
        Console.WriteLine($"// {Consortia} consortia, {ResponseCount} responses per run");
    }

    [Benchmark(Baseline = true)]
    public double Bare_loop()
    {
        var total = 0.0;
        foreach (var responses in responseSets)
        {
            foreach (var response in responses)
            {
                var value = response.Status switch
                {
                    ResponseStatus.Met => 1,
                    ResponseStatus.InProgress => 0.5,
                    _ => 0,
                };
                total += framework.FindCriterion(response.CriterionId)!.Weight * value;
            }
        }

        return total;
    }

    /// <summary>
    /// Scores every consortium and reads what a regional dashboard shows of each: its track, overall score,
    /// blockers and every domain score. Reading matters: the result builds each domain's record as it is read.
    /// </summary>
    [Benchmark]
    public double Score_all_consortia()
    {
        var total = 0.0;
        foreach (var responses in responseSets)
        {
            total += ReadDashboardFields(ReadinessScorer.Score(framework, responses));
        }

        return total;
    }

    /// <summary>As <see cref="Score_all_consortia"/>, and also reads every next step, which are ranked on first read.</summary>
    [Benchmark]
    public double Score_all_consortia_with_next_steps()
    {
        var total = 0.0;
        foreach (var responses in responseSets)
        {
            var result = ReadinessScorer.Score(framework, responses);
            total += ReadDashboardFields(result);
            foreach (var step in result.NextSteps)
            {
                total += step.Gain;
            }
        }

        return total;
    }

    private static double ReadDashboardFields(ReadinessResult result)
    {
        var total = (result.Track == Track.FastMover ? 1000 : 0) + (result.Score ?? 0) + result.Blockers.Count;
        var domains = result.Domains;
        for (var d = 0; d < domains.Count; d++)
        {
            total += domains[d].Score ?? 0;
        }

        return total;
    }

    /// <summary>
    /// One consortium's answers: its readiness decides how many criteria are met, a few are left unanswered, and
    /// an occasional non-essential criterion is not applicable, as real returns look.
    /// </summary>
    private CriterionResponse[] NextResponseSet(Random random)
    {
        var readiness = random.NextDouble();
        var responses = new List<CriterionResponse>(framework.Criteria.Count);
        foreach (var criterion in framework.Criteria)
        {
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                continue;
            }

            var status = roll < 0.08 && !criterion.Essential ? ResponseStatus.NotApplicable
                : random.NextDouble() < readiness ? ResponseStatus.Met
                : random.NextDouble() < 0.5 ? ResponseStatus.InProgress
                : ResponseStatus.NotStarted;
            responses.Add(CriterionResponse.WithStatus(criterion.Id, status));
        }

        return [.. responses];
    }
}
