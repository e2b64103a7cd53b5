namespace TransitionTracker.Application.Administration;

/// <summary>An organisation a role can be scoped to: a region, PCT or consortium, shown as "Name (CODE)".</summary>
public sealed record ScopeOption(string Code, string Name)
{
    public override string ToString() => $"{Name} ({Code})";
}
