using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>Which of the two transition tracks a consortium is on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Track>))]
public enum Track
{
    /// <summary>Ready, willing and able: full budgetary responsibility as soon as possible.</summary>
    [JsonStringEnumMemberName("fast-mover")]
    FastMover,

    /// <summary>Needs development support and more time.</summary>
    [JsonStringEnumMemberName("needs-support")]
    NeedsSupport,
}
