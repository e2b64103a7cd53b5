namespace TransitionTracker.Domain.Evidence;

/// <summary>The bytes of an evidence file, stored once however many attachments (in however many assessments) name them.</summary>
public sealed class EvidenceContent(string sha256, byte[] bytes)
{
    public string Sha256 { get; private set; } = sha256;

    public byte[] Bytes { get; private set; } = bytes;
}
