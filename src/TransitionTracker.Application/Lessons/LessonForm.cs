namespace TransitionTracker.Application.Lessons;

/// <summary>What a person typed into the lesson form, kept as typed so it can be shown again with errors.</summary>
public sealed class LessonForm
{
    public const string DomainField = "domain";
    public const string TitleField = "title";
    public const string BodyField = "body";

    /// <summary>The id of a domain of the default readiness framework.</summary>
    public string? Domain { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }
}
