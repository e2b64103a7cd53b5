using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// One consortium's row on a dashboard, computed in the database: a class with settable properties (not a positional
/// record) so that EF Core can filter, sort, group and page on any of them after the projection.
/// </summary>
public sealed class ConsortiumStanding
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string RegionCode { get; init; } = "";

    public string? HostPctCode { get; init; }

    public ConsortiumStage Stage { get; init; }

    public long Population { get; init; }

    /// <summary>The effective track: the latest regional decision when there is one, otherwise the computed track.</summary>
    public Track? Track { get; init; }

    /// <summary>The track of the latest submitted readiness assessment.</summary>
    public Track? ComputedTrack { get; init; }

    /// <summary>The track of the latest regional decision, if any.</summary>
    public Track? Override { get; init; }

    public double? Score { get; init; }

    public DateTime? LastAssessedUtc { get; init; }

    public bool HasOverdueAction { get; init; }
}
