using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Tests.Scoring;

/// <summary>
/// Seeded generator of frameworks and response sets for property tests: the same seed gives the same cases, so a
/// failure can be replayed.
/// </summary>
internal sealed class RandomAssessments(int seed)
{
    private static readonly double[] Weights = [0.5, 1, 1, 1, 1.5, 2, 3, 0.1, 7];
    private static readonly double[] Percentages = [0, 25, 33.3, 50, 60, 66.7, 75, 90, 100];

    private readonly Random random = new(seed);

    public Framework NextFramework()
    {
        var builder = new FrameworkBuilder()
            .Threshold(Percentage())
            .DomainFloor(Percentage());
        if (random.NextDouble() < 0.4)
        {
            var min = random.Next(0, 3);
            builder.Levels(min, min + random.Next(1, 5));
        }

        var domainCount = random.Next(1, 7);
        for (var d = 0; d < domainCount; d++)
        {
            var domainId = $"D{d}";
            builder.Domain(domainId, Weight(), random.NextDouble() < 0.4 ? Percentage() : null);
            var criterionCount = random.Next(1, 7);
            for (var c = 0; c < criterionCount; c++)
            {
                builder.Criterion($"{domainId}-C{c}", domainId, Weight(), essential: random.NextDouble() < 0.15);
            }
        }

        return builder.Build();
    }

    /// <summary>A valid response set: some criteria unanswered, some not applicable (never an essential one).</summary>
    public List<CriterionResponse> NextResponses(Framework framework)
    {
        var responses = new List<CriterionResponse>();
        if (random.NextDouble() < 0.05)
        {
            return responses;
        }

        // Occasionally mostly not applicable, to reach domains and frameworks with no score; and a readiness that
        // pushes answers to the top, so that both tracks come up often.
        var notApplicableChance = random.NextDouble() < 0.1 ? 0.9 : 0.1;
        var readiness = random.NextDouble();
        foreach (var criterion in framework.Criteria)
        {
            if (random.NextDouble() < 0.15 * (1 - readiness))
            {
                continue;
            }

            if (random.NextDouble() < readiness)
            {
                responses.Add(framework.MaxLevel is int max
                    ? CriterionResponse.WithLevel(criterion.Id, max)
                    : CriterionResponse.WithStatus(criterion.Id, ResponseStatus.Met));
            }
            else if (!criterion.Essential && random.NextDouble() < notApplicableChance)
            {
                responses.Add(CriterionResponse.WithStatus(criterion.Id, ResponseStatus.NotApplicable));
            }
            else if (framework.Scale == FrameworkScale.Levels)
            {
                responses.Add(CriterionResponse.WithLevel(criterion.Id, random.Next(framework.MinLevel!.Value, framework.MaxLevel!.Value + 1)));
            }
            else
            {
                responses.Add(CriterionResponse.WithStatus(criterion.Id, (ResponseStatus)random.Next(0, 3)));
            }
        }

        return [.. responses.OrderBy(_ => random.Next())];
    }

    /// <summary>
    /// The same responses with one criterion's answer raised (not started to in progress or met, a level up, an
    /// unanswered criterion answered above the bottom), or null when nothing can be raised.
    /// </summary>
    public List<CriterionResponse>? RaiseOne(Framework framework, List<CriterionResponse> responses)
    {
        var raisable = framework.Criteria
            .Where(c => Value(framework, responses.FirstOrDefault(r => r.CriterionId == c.Id)) is < 1)
            .ToList();
        if (raisable.Count == 0)
        {
            return null;
        }

        var criterion = raisable[random.Next(raisable.Count)];
        var current = responses.FirstOrDefault(r => r.CriterionId == criterion.Id);
        CriterionResponse raised;
        if (framework.Scale == FrameworkScale.Levels)
        {
            var from = current?.Level ?? framework.MinLevel!.Value;
            raised = CriterionResponse.WithLevel(criterion.Id, random.Next(from + 1, framework.MaxLevel!.Value + 1));
        }
        else
        {
            var from = current?.Status ?? ResponseStatus.NotStarted;
            raised = CriterionResponse.WithStatus(criterion.Id, (ResponseStatus)random.Next((int)from + 1, (int)ResponseStatus.Met + 1));
        }

        return [.. responses.Where(r => r.CriterionId != criterion.Id), raised];
    }

    /// <summary>The response's value 0–1; null for not applicable; an absent response is 0.</summary>
    public static double? Value(Framework framework, CriterionResponse? response) => response switch
    {
        null => 0,
        { Level: int level } => (double)(level - framework.MinLevel!.Value) / (framework.MaxLevel!.Value - framework.MinLevel!.Value),
        { Status: ResponseStatus.NotApplicable } => null,
        { Status: ResponseStatus.InProgress } => 0.5,
        { Status: ResponseStatus.Met } => 1,
        _ => 0,
    };

    private double Weight() => Weights[random.Next(Weights.Length)];

    private double Percentage() => random.NextDouble() < 0.7
        ? Percentages[random.Next(Percentages.Length)]
        : Math.Round(random.NextDouble() * 100, 1);
}
