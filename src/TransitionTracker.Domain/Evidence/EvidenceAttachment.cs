namespace TransitionTracker.Domain.Evidence;

/// <summary>
/// A file attached to one criterion's answer in an assessment. The bytes are stored once per content
/// (<see cref="EvidenceContent"/>, keyed by <see cref="Sha256"/>), so an attachment carried forward into a new draft,
/// or the same file attached twice, adds a row here and nothing more. The consortium is recorded so the audit trail
/// places every upload and removal with it.
/// </summary>
public sealed class EvidenceAttachment
{
    public const int FileNameMaxLength = 200;

    public EvidenceAttachment(
        string consortiumCode, string criterionId, string fileName, EvidenceFileType fileType, long length, string sha256, string uploadedBy, DateTime uploadedAtUtc)
    {
        ConsortiumCode = consortiumCode;
        CriterionId = criterionId;
        FileName = fileName;
        FileType = fileType;
        Length = length;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAtUtc = uploadedAtUtc;
    }

    public int Id { get; private set; }

    public int AssessmentId { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string CriterionId { get; private set; }

    /// <summary>The name the file was uploaded with, made safe (<see cref="EvidenceFileTypes.SafeFileName"/>).</summary>
    public string FileName { get; private set; }

    public EvidenceFileType FileType { get; private set; }

    /// <summary>The size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The SHA-256 of the content, 64 lower-case hexadecimal digits: the key of its <see cref="EvidenceContent"/>.</summary>
    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>This attachment for the same criterion of a new draft: the same file, as uploaded then.</summary>
    public EvidenceAttachment CarryForward() =>
        new(ConsortiumCode, CriterionId, FileName, FileType, Length, Sha256, UploadedBy, UploadedAtUtc);
}
