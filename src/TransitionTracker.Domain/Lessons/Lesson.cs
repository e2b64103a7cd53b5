using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Lessons;

/// <summary>A short write-up of what a consortium learned, tagged by readiness domain, for others to learn from.</summary>
public sealed class Lesson
{
    public const int TitleMaxLength = 150;
    public const int BodyMaxLength = 2000;

    public Lesson(string consortiumCode, string domainId, string title, string body, string writtenBy, DateTime writtenAtUtc)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        DomainId = domainId;
        Title = title;
        Body = body;
        WrittenBy = writtenBy;
        WrittenAtUtc = writtenAtUtc;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    /// <summary>A domain of the default readiness framework.</summary>
    public string DomainId { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string WrittenBy { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    /// <summary>
    /// The writing consortium's score in <see cref="DomainId"/> in its latest submitted assessment against the default
    /// framework (0–100; null when it has none or the domain was not scored): set in the save that adds the lesson and
    /// rewritten in every save that submits one of the consortium's assessments (docs/architecture.md, "The monthly
    /// track snapshot").
    /// </summary>
    public double? WriterScore { get; private set; }
}
