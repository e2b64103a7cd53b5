namespace TransitionTracker.Domain.Organisations;

/// <summary>A PCT a consortium works with; the host PCT holds most of its registered list.</summary>
public sealed class ConsortiumPct
{
    public ConsortiumPct(string consortiumCode, string pctCode, bool isHost)
    {
        ConsortiumCode = consortiumCode;
        PctCode = pctCode;
        IsHost = isHost;
    }

    public string ConsortiumCode { get; private set; }

    public string PctCode { get; private set; }

    public bool IsHost { get; private set; }
}
