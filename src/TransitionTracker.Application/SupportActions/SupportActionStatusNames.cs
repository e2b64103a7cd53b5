using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.SupportActions;

public static class SupportActionStatusNames
{
    public static string ToDisplay(this SupportActionStatus status) => status switch
    {
        SupportActionStatus.NotStarted => "Not started",
        SupportActionStatus.InProgress => "In progress",
        SupportActionStatus.Done => "Done",
        _ => status.ToString(),
    };

    /// <summary>Reads the form's value (the enum name); numbers and unknown names are refused.</summary>
    public static bool TryParse(string? value, out SupportActionStatus status)
    {
        status = default;
        return value is not null && Enum.GetNames<SupportActionStatus>().Contains(value, StringComparer.Ordinal)
            && Enum.TryParse(value, out status);
    }
}
