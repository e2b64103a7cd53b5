using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Forecasting;

/// <summary>One submitted assessment as the forecast sees it: its UK date and its answers.</summary>
public sealed record ForecastSubmission(DateOnly SubmittedOn, IReadOnlyList<CriterionResponse> Responses);

/// <summary>What the forecast could say about a consortium.</summary>
public enum ForecastOutcome
{
    /// <summary>No submitted assessment: there is nothing to forecast from.</summary>
    NotAssessed,

    /// <summary>The latest submission is already a fast mover.</summary>
    FastMover,

    /// <summary>Fewer than two submissions, or less than a month between the first and the latest of the window.</summary>
    NotEnoughHistory,

    /// <summary>No criterion was closed, net, over the window: at this pace it does not get there.</summary>
    NoProgress,

    /// <summary>A date with a range.</summary>
    Projected,
}

/// <summary>
/// When a consortium reaches fast mover at its pace so far (docs/scoring.md, "Forecast"). The pace is the criteria it
/// closed (brought to met, or to the top level), net of any it reopened, per month over the last twelve months of its
/// submissions. What it still has to close is the shortest list found by closing, from its latest answers, every
/// essential criterion not met and then the criterion with the largest gain towards whatever still blocks it (a
/// domain below its floor first, then the overall threshold), until the scorer says fast mover. The range treats the
/// closures as a Poisson count: an 80 % interval on the pace gives the earliest and latest dates.
/// </summary>
/// <param name="CriteriaToClose">The criteria still to close, in the order the plan closes them.</param>
/// <param name="ClosedInWindow">Criteria closed, net of reopened, between the window's first and latest submissions.</param>
/// <param name="WindowMonths">The months between those submissions.</param>
/// <param name="ClosedPerMonth">The pace: <paramref name="ClosedInWindow"/> ÷ <paramref name="WindowMonths"/>.</param>
/// <param name="Expected">The date at that pace, counted from the latest submission, never before the reference date.</param>
/// <param name="Earliest">The date at the fast end of the range.</param>
/// <param name="Latest">The date at the slow end of the range; null when the slow end of the pace is no progress at all.</param>
/// <param name="AtRisk">Whether the range may end after the deadline (or there is no range, and it is not a fast mover).</param>
public sealed record ReadinessForecast(
    ForecastOutcome Outcome,
    DateOnly? LatestSubmittedOn,
    IReadOnlyList<string> CriteriaToClose,
    int ClosedInWindow,
    double WindowMonths,
    double? ClosedPerMonth,
    DateOnly? Expected,
    DateOnly? Earliest,
    DateOnly? Latest,
    bool AtRisk)
{
    /// <summary>Consortia took over commissioning on 1 April 2013: reaching fast mover after 31 March 2013 is late.</summary>
    public static readonly DateOnly Deadline = new(2013, 4, 1);

    /// <summary>How far back, from the latest submission, the pace is measured.</summary>
    public const int WindowMonthsBack = 12;

    /// <summary>The shortest window that gives a pace: a month.</summary>
    public const int MinimumWindowDays = 28;

    /// <summary>The z value of a two-sided 80 % interval.</summary>
    public const double IntervalZ = 1.2816;

    /// <summary>Days in an average month, to give the pace per month.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>
    /// The forecast from a consortium's submitted assessments (any order) on <paramref name="framework"/>, as at
    /// <paramref name="referenceDate"/> (the date the dashboards use): no date is before it, and submissions after it
    /// are not seen.
    /// </summary>
    public static ReadinessForecast Build(Framework framework, IEnumerable<ForecastSubmission> submissions, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(submissions);
        var history = submissions.Where(s => s.SubmittedOn <= referenceDate).OrderBy(s => s.SubmittedOn).ToList();
        if (history.Count == 0)
        {
            return FromBasis(new(ForecastOutcome.NotAssessed, null, 0, 0, 0), [], referenceDate);
        }

        var latest = history[^1];
        var plan = PlanToFastMover(framework, latest.Responses);
        if (plan is { Count: 0 })
        {
            return FromBasis(new(ForecastOutcome.FastMover, latest.SubmittedOn, 0, 0, 0), [], referenceDate);
        }

        var toClose = plan ?? [];
        var windowStart = latest.SubmittedOn.AddMonths(-WindowMonthsBack);
        var window = history.Where(s => s.SubmittedOn >= windowStart).ToList();
        var days = latest.SubmittedOn.DayNumber - window[0].SubmittedOn.DayNumber;
        if (plan is null || window.Count < 2 || days < MinimumWindowDays)
        {
            return FromBasis(new(ForecastOutcome.NotEnoughHistory, latest.SubmittedOn, toClose.Count, 0, days), toClose, referenceDate);
        }

        var closed = 0;
        for (var i = 1; i < window.Count; i++)
        {
            closed += NetClosed(framework, window[i - 1].Responses, window[i].Responses);
        }

        return FromBasis(new(closed <= 0 ? ForecastOutcome.NoProgress : ForecastOutcome.Projected, latest.SubmittedOn, toClose.Count, closed, days), toClose, referenceDate);
    }

    private static ReadinessForecast FromBasis(ForecastBasis basis, IReadOnlyList<string> toClose, DateOnly referenceDate)
    {
        var range = basis.AsAt(referenceDate);
        var months = basis.WindowDays / DaysPerMonth;
        double? pace = basis.Outcome is ForecastOutcome.Projected or ForecastOutcome.NoProgress ? basis.ClosedInWindow / months : null;
        return new(basis.Outcome, basis.LatestSubmittedOn, toClose, basis.ClosedInWindow, months, pace, range.Expected, range.Earliest, range.Latest, range.AtRisk)
        {
            Basis = basis,
        };
    }

    /// <summary>The figures this forecast was made from (<see cref="ForecastBasis"/>).</summary>
    public ForecastBasis Basis { get; private init; } = new(ForecastOutcome.NotAssessed, null, 0, 0, 0);

    /// <summary>Days after <paramref name="from"/> rounded up to whole days, never before <paramref name="notBefore"/>.</summary>
    internal static DateOnly DateAfter(DateOnly from, double days, DateOnly notBefore)
    {
        // A whole day is a day: 91.0000000001 days of arithmetic is 91.
        var date = from.AddDays((int)Math.Ceiling(days - 1e-9));
        return date < notBefore ? notBefore : date;
    }

    /// <summary>
    /// The criteria to close, in order, for <paramref name="responses"/> to score as a fast mover: empty when they
    /// already do; null when closing every criterion still would not (no applicable criteria).
    /// </summary>
    public static IReadOnlyList<string>? PlanToFastMover(Framework framework, IReadOnlyList<CriterionResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var answers = responses.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
        var plan = new List<string>();
        foreach (var criterion in framework.Criteria.Where(c => c.Essential && !IsClosed(framework, answers.GetValueOrDefault(c.Id))))
        {
            Close(framework, answers, criterion.Id);
            plan.Add(criterion.Id);
        }

        for (var guard = 0; guard <= framework.Criteria.Count; guard++)
        {
            var result = ReadinessScorer.Score(framework, answers.Values.ToList());
            if (result.Track == Track.FastMover)
            {
                return plan;
            }

            var floorDomain = result.Blockers.FirstOrDefault(b => b.Kind == BlockerKind.DomainFloor).Domain;
            var steps = floorDomain is null
                ? result.NextSteps
                : result.NextSteps.Where(s => framework.FindCriterion(s.Criterion)?.DomainId == floorDomain).ToList();
            var next = steps.OrderByDescending(s => s.ExactGain).ThenBy(s => s.Criterion, StringComparer.Ordinal).FirstOrDefault();
            if (next.Criterion is null)
            {
                return null;
            }

            Close(framework, answers, next.Criterion);
            plan.Add(next.Criterion);
        }

        return null;
    }

    /// <summary>Criteria closed between two submissions, less those reopened.</summary>
    public static int NetClosed(Framework framework, IReadOnlyList<CriterionResponse> before, IReadOnlyList<CriterionResponse> after)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var was = before.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
        var now = after.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
        var net = 0;
        foreach (var criterion in framework.Criteria)
        {
            var closedBefore = IsClosed(framework, was.GetValueOrDefault(criterion.Id));
            var closedAfter = IsClosed(framework, now.GetValueOrDefault(criterion.Id));
            net += closedAfter == closedBefore ? 0 : closedAfter ? 1 : -1;
        }

        return net;
    }

    /// <summary>Whether an answer closes its criterion: met, or at the top level of a levels framework.</summary>
    internal static bool IsClosed(Framework framework, CriterionResponse? response) => response switch
    {
        { Status: ResponseStatus.Met } => true,
        { Level: int level } => level == framework.MaxLevel,
        _ => false,
    };

    private static void Close(Framework framework, Dictionary<string, CriterionResponse> answers, string criterionId) =>
        answers[criterionId] = framework.Scale == FrameworkScale.Levels
            ? CriterionResponse.WithLevel(criterionId, framework.MaxLevel!.Value)
            : CriterionResponse.WithStatus(criterionId, ResponseStatus.Met);
}
