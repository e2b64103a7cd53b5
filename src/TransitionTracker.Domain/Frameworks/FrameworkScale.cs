using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>How a framework's criteria are answered.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FrameworkScale>))]
public enum FrameworkScale
{
    /// <summary>Each criterion is not started, in progress, met or not applicable.</summary>
    [JsonStringEnumMemberName("status")]
    Status,

    /// <summary>Each criterion is given a whole level from the framework's minLevel to maxLevel.</summary>
    [JsonStringEnumMemberName("levels")]
    Levels,
}
