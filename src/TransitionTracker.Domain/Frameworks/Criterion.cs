namespace TransitionTracker.Domain.Frameworks;

/// <summary>One thing a consortium is assessed on.</summary>
public sealed class Criterion
{
    internal Criterion(int index, int domainIndex, string id, string domainId, string text, string guidance, double weight, bool essential)
    {
        Index = index;
        DomainIndex = domainIndex;
        Id = id;
        DomainId = domainId;
        Text = text;
        Guidance = guidance;
        Weight = weight;
        Essential = essential;
    }

    public string Id { get; }

    public string DomainId { get; }

    public string Text { get; }

    /// <summary>What good evidence looks like, for the person answering.</summary>
    public string Guidance { get; }

    /// <summary>The criterion's weight within its domain; 1 unless the framework says otherwise.</summary>
    public double Weight { get; }

    /// <summary>Whether a consortium can be a fast mover only with this criterion fully met.</summary>
    public bool Essential { get; }

    /// <summary>Position in <see cref="Framework.Criteria"/>, so the scorer can use arrays rather than look-ups.</summary>
    internal int Index { get; }

    internal int DomainIndex { get; }
}
