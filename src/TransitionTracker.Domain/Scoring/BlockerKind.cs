using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>Why a consortium is not a fast mover.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BlockerKind>))]
public enum BlockerKind
{
    /// <summary>The overall score is below the framework's fast-mover threshold.</summary>
    [JsonStringEnumMemberName("overall-threshold")]
    OverallThreshold,

    /// <summary>A scored domain is below its floor; the blocker names the domain.</summary>
    [JsonStringEnumMemberName("domain-floor")]
    DomainFloor,

    /// <summary>An essential criterion is not fully met (or not answered); the blocker names the criterion.</summary>
    [JsonStringEnumMemberName("essential-criterion")]
    EssentialCriterion,

    /// <summary>Nothing has been answered yet.</summary>
    [JsonStringEnumMemberName("not-assessed")]
    NotAssessed,

    /// <summary>Every answered criterion is not applicable, so no domain can be scored.</summary>
    [JsonStringEnumMemberName("no-applicable-criteria")]
    NoApplicableCriteria,
}
