using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>The answer to a criterion on the status scale; on the levels scale only <see cref="NotApplicable"/> is used.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseStatus>))]
public enum ResponseStatus
{
    [JsonStringEnumMemberName("not_started")]
    NotStarted,

    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>Leaves the criterion out of scoring altogether; never allowed for an essential criterion.</summary>
    [JsonStringEnumMemberName("not_applicable")]
    NotApplicable,
}
