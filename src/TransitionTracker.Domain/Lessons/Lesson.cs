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
}
