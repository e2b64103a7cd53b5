using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Application.Quality;

/// <summary>The words pages and CSV files use for winter plan status.</summary>
public static class QualityWords
{
    public static string WinterPlan(WinterPlanStatus status) => status switch
    {
        WinterPlanStatus.NotStarted => "Not started",
        WinterPlanStatus.Draft => "Draft",
        WinterPlanStatus.Agreed => "Agreed",
        WinterPlanStatus.Tested => "Tested",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToWire(WinterPlanStatus status) => status switch
    {
        WinterPlanStatus.NotStarted => "not-started",
        WinterPlanStatus.Draft => "draft",
        WinterPlanStatus.Agreed => "agreed",
        WinterPlanStatus.Tested => "tested",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseWire(string? text, out WinterPlanStatus status)
    {
        foreach (var candidate in Enum.GetValues<WinterPlanStatus>())
        {
            if (string.Equals(ToWire(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
