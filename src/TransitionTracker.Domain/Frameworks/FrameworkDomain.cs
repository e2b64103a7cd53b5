namespace TransitionTracker.Domain.Frameworks;

/// <summary>A group of criteria that is scored, weighted and held to a floor as one.</summary>
public sealed class FrameworkDomain
{
    internal FrameworkDomain(int index, string id, string name, double weight, double? ownFloor, double frameworkFloor)
    {
        Index = index;
        Id = id;
        Name = name;
        Weight = weight;
        OwnFloor = ownFloor;
        Floor = ownFloor ?? frameworkFloor;
    }

    public string Id { get; }

    public string Name { get; }

    /// <summary>The domain's weight in the overall score.</summary>
    public double Weight { get; }

    /// <summary>The score this domain must reach for a fast mover: its own floor, else the framework's.</summary>
    public double Floor { get; }

    /// <summary>The floor set on the domain itself, kept apart so that writing the framework back out does not
    /// pin a domain to a framework floor that a later version may change.</summary>
    public double? OwnFloor { get; }

    /// <summary>Position in <see cref="Framework.Domains"/>, so the scorer can use arrays rather than look-ups.</summary>
    internal int Index { get; }
}
