namespace TransitionTracker.Domain.Organisations;

/// <summary>The words people and scripts use for each stage.</summary>
public static class ConsortiumStageNames
{
    public static string ToDisplay(this ConsortiumStage stage) => stage switch
    {
        ConsortiumStage.Shadow => "Shadow",
        ConsortiumStage.Pathfinder => "Pathfinder",
        ConsortiumStage.DelegatedBudget => "Delegated budget",
        ConsortiumStage.Authorised => "Authorised",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string ToWire(this ConsortiumStage stage) => stage switch
    {
        ConsortiumStage.Shadow => "shadow",
        ConsortiumStage.Pathfinder => "pathfinder",
        ConsortiumStage.DelegatedBudget => "delegated-budget",
        ConsortiumStage.Authorised => "authorised",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The display name of a stage given by its wire name, or the text itself if it names no stage.</summary>
    public static string DisplayFromWire(string wire) => TryParseWire(wire, out var stage) ? stage.ToDisplay() : wire;

    public static bool TryParseWire(string? value, out ConsortiumStage stage)
    {
        foreach (var candidate in Enum.GetValues<ConsortiumStage>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
