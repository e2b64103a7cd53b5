using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Evidence;

namespace TransitionTracker.Application.Evidence;

/// <summary>One file attached to an answer, as lists show it.</summary>
public sealed record EvidenceFile(
    int Id, int AssessmentId, string CriterionId, string FileName, EvidenceFileType FileType, long Length, string Sha256, string UploadedBy, DateTime UploadedAtUtc)
{
    public string Kind => EvidenceFileTypes.Describe(FileType);
}

/// <summary>A file to send: its safe name, the media type its content was recognised as, and the bytes.</summary>
public sealed record EvidenceDownload(string FileName, string ContentType, string Sha256, byte[] Bytes);

/// <summary>
/// Evidence files attached to an assessment's answers (docs/security.md, "Evidence files"): PCT managers who may edit
/// the consortium attach files to a draft's answers and remove them; anyone who may read the consortium downloads
/// those of its submitted assessments (a draft's, like the draft, only its editors). Every file is checked by its
/// content (<see cref="EvidenceFileTypes"/>), at most <see cref="EvidenceFileTypes.MaxBytes"/> bytes and
/// <see cref="EvidenceFileTypes.MaxPerAssessment"/> to an assessment; a refused file stores nothing. Uploads and
/// removals are audited as the user. A submitted assessment keeps its files: none is added or removed.
/// </summary>
public sealed class EvidenceFiles(DbContexts contexts, OrganisationScope scope, FrameworkLibrary frameworks, TimeProvider clock)
{
    /// <summary>The input name of the file; every problem with an upload names it.</summary>
    public const string FileField = "file";

    /// <summary>The input name of the criterion a file is attached to.</summary>
    public const string CriterionField = "criterion";

    private sealed record AssessmentRef(int Id, string ConsortiumCode, string FrameworkId, int FrameworkVersion, AssessmentStatus Status);

    /// <summary>The files of the assessment, by criterion then upload; null when there is no such assessment or the user may not read it.</summary>
    public async Task<IReadOnlyList<EvidenceFile>?> ListAsync(ActingUser? user, int assessmentId, CancellationToken cancellationToken)
    {
        if (await AssessmentAsync(user, assessmentId, edit: false, cancellationToken) is null)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        return await Files(db, assessmentId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the user may attach files to the criterion's answer in the assessment: it exists, they may edit its
    /// consortium, and its framework has the criterion (an endpoint asks before it reads the file).
    /// </summary>
    public async Task<bool> MayChangeAsync(ActingUser? user, int assessmentId, string criterionId, CancellationToken cancellationToken) =>
        await AssessmentAsync(user, assessmentId, edit: true, cancellationToken) is { } assessment
        && await CriterionProblemAsync(assessment, criterionId, cancellationToken) is null;

    /// <summary>
    /// Attaches the file read from <paramref name="content"/> to the criterion's answer in the draft. Invalid, with one
    /// problem for <see cref="FileField"/> (or <see cref="CriterionField"/>) and nothing stored, when the file is empty,
    /// larger than 10 MB, not one of the accepted types by its content, named as another type, the 31st of the
    /// assessment, or the assessment is submitted. Not found out of edit scope.
    /// </summary>
    public async Task<EditOutcome<EvidenceFile>> UploadAsync(
        ActingUser? user, int assessmentId, string criterionId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentAsync(user, assessmentId, edit: true, cancellationToken);
        if (assessment is null)
        {
            return EditOutcome<EvidenceFile>.From(EditOutcome.NotFound());
        }

        if (await CriterionProblemAsync(assessment, criterionId, cancellationToken) is { } criterionProblem)
        {
            return Invalid(CriterionField, criterionProblem);
        }

        if (assessment.Status != AssessmentStatus.Draft)
        {
            return Invalid(FileField, "This assessment has been submitted, so its evidence files are kept as they are: start a new assessment to attach more");
        }

        var bytes = await ReadBoundedAsync(content, cancellationToken);
        var shown = EvidenceFileTypes.CleanName(fileName) is { Length: > 0 } clean ? $"“{clean}”" : "The file";
        if (bytes is null)
        {
            return Invalid(FileField, $"{shown} is larger than 10 MB: attach a file of 10 MB or less");
        }

        if (bytes.Length == 0)
        {
            return Invalid(FileField, $"{shown} is empty");
        }

        if (EvidenceFileTypes.Detect(bytes) is not { } type)
        {
            return Invalid(FileField, $"{shown} is not a PDF, Word, Excel, PNG or JPEG file (its content was checked, not its name)");
        }

        var named = EvidenceFileTypes.FromFileName(fileName);
        if (Path.HasExtension(EvidenceFileTypes.CleanName(fileName)) && named != type)
        {
            return Invalid(FileField, named is { } other
                ? $"{shown} is a {EvidenceFileTypes.Describe(type)}, but its name says it is a {EvidenceFileTypes.Describe(other)}: give it the right name and attach it again"
                : $"{shown} is a {EvidenceFileTypes.Describe(type)}, but its name does not end as one does: give it the right name and attach it again");
        }

        var safeName = EvidenceFileTypes.SafeFileName(fileName, type);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var by = user!.AuditName;
        var now = clock.GetUtcNow().UtcDateTime;

        // A content row added at the same moment by someone else (the same file) or removed with its last attachment:
        // one more try sees the content as it now is.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Open(user);
            if (await db.EvidenceAttachments.CountAsync(a => a.AssessmentId == assessmentId, cancellationToken) >= EvidenceFileTypes.MaxPerAssessment)
            {
                return TooMany();
            }

            var draft = await db.Assessments.SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
            if (draft is null || !draft.IsDraft)
            {
                return draft is null
                    ? EditOutcome<EvidenceFile>.From(EditOutcome.NotFound())
                    : Invalid(FileField, "This assessment has been submitted, so its evidence files are kept as they are: start a new assessment to attach more");
            }

            if (!await db.EvidenceContents.AnyAsync(c => c.Sha256 == sha256, cancellationToken))
            {
                db.EvidenceContents.Add(new EvidenceContent(sha256, bytes));
            }

            var attachment = new EvidenceAttachment(assessment.ConsortiumCode, criterionId, safeName, type, bytes.Length, sha256, by, now);
            draft.Attach(attachment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }

            // Two uploads at once can both have found 29 files: the later one (by key) gives way.
            if (await db.EvidenceAttachments.CountAsync(a => a.AssessmentId == assessmentId && a.Id < attachment.Id, cancellationToken) >= EvidenceFileTypes.MaxPerAssessment)
            {
                await RemoveStoredAsync(db, attachment, cancellationToken);
                return TooMany();
            }

            return EditOutcome<EvidenceFile>.From(EditOutcome.Saved(attachment.Id), Describe(attachment));
        }
    }

    /// <summary>The file, to send as a download; null when there is no such file of that criterion of the assessment, or the user may not read it.</summary>
    public async Task<EvidenceDownload?> DownloadAsync(ActingUser? user, int assessmentId, string criterionId, int attachmentId, CancellationToken cancellationToken)
    {
        if (await AssessmentAsync(user, assessmentId, edit: false, cancellationToken) is null)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var file = await db.EvidenceAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.AssessmentId == assessmentId && a.CriterionId == criterionId)
            .Join(db.EvidenceContents, a => a.Sha256, c => c.Sha256, (a, c) => new { a.FileName, a.FileType, a.Sha256, c.Bytes })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null ? null : new EvidenceDownload(file.FileName, EvidenceFileTypes.ContentType(file.FileType), file.Sha256, file.Bytes);
    }

    /// <summary>
    /// Removes a file from the draft's answer (its bytes too, once no assessment names them). Invalid for a submitted
    /// assessment, which keeps its files; not found for no such file, or out of edit scope.
    /// </summary>
    public async Task<EditOutcome> RemoveAsync(ActingUser? user, int assessmentId, string criterionId, int attachmentId, CancellationToken cancellationToken)
    {
        var assessment = await AssessmentAsync(user, assessmentId, edit: true, cancellationToken);
        if (assessment is null)
        {
            return EditOutcome.NotFound();
        }

        await using var db = contexts.Open(user);
        var attachment = await db.EvidenceAttachments
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.AssessmentId == assessmentId && a.CriterionId == criterionId, cancellationToken);
        if (attachment is null)
        {
            return EditOutcome.NotFound();
        }

        if (assessment.Status != AssessmentStatus.Draft)
        {
            return EditOutcome.Invalid(FileField, "This assessment has been submitted, so its evidence files are kept as they are");
        }

        await RemoveStoredAsync(db, attachment, cancellationToken);
        return EditOutcome.Saved(attachmentId);
    }

    private static async Task RemoveStoredAsync(TransitionTrackerDbContext db, EvidenceAttachment attachment, CancellationToken cancellationToken)
    {
        db.EvidenceAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.EvidenceAttachments.AnyAsync(a => a.Sha256 == attachment.Sha256, cancellationToken))
        {
            try
            {
                await db.EvidenceContents.Where(c => c.Sha256 == attachment.Sha256).ExecuteDeleteAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same file was attached again meanwhile: its bytes stay, as they are named again.
            }
        }
    }

    private static IQueryable<EvidenceFile> Files(TransitionTrackerDbContext db, int assessmentId) =>
        db.EvidenceAttachments.AsNoTracking()
            .Where(a => a.AssessmentId == assessmentId)
            .OrderBy(a => a.CriterionId).ThenBy(a => a.Id)
            .Select(a => new EvidenceFile(a.Id, a.AssessmentId, a.CriterionId, a.FileName, a.FileType, a.Length, a.Sha256, a.UploadedBy, a.UploadedAtUtc));

    private static EvidenceFile Describe(EvidenceAttachment a) =>
        new(a.Id, a.AssessmentId, a.CriterionId, a.FileName, a.FileType, a.Length, a.Sha256, a.UploadedBy, a.UploadedAtUtc);

    private static EditOutcome<EvidenceFile> Invalid(string field, string message) =>
        EditOutcome<EvidenceFile>.From(EditOutcome.Invalid(field, message));

    private static EditOutcome<EvidenceFile> TooMany() =>
        Invalid(FileField, $"This assessment already has {EvidenceFileTypes.MaxPerAssessment} evidence files, the most it may hold: remove one before attaching another");

    // The assessment when the user may see its files: a submitted one by its readers, a draft (and any change) by its editors.
    private async Task<AssessmentRef?> AssessmentAsync(ActingUser? user, int assessmentId, bool edit, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return null;
        }

        AssessmentRef? found;
        await using (var db = contexts.OpenForReading())
        {
            found = await db.Assessments.AsNoTracking()
                .Where(a => a.Id == assessmentId)
                .Select(a => new AssessmentRef(a.Id, a.ConsortiumCode, a.FrameworkId, a.FrameworkVersion, a.Status))
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (found is null)
        {
            return null;
        }

        var allowed = edit || found.Status == AssessmentStatus.Draft
            ? await scope.CanEditConsortiumAsync(user, found.ConsortiumCode, cancellationToken)
            : await scope.CanReadConsortiumAsync(user, found.ConsortiumCode, cancellationToken);
        return allowed ? found : null;
    }

    private async Task<string?> CriterionProblemAsync(AssessmentRef assessment, string criterionId, CancellationToken cancellationToken)
    {
        var framework = await frameworks.FindAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);
        return framework?.FindCriterion(criterionId ?? "") is null
            ? $"“{(criterionId ?? "").Trim()}” is not a criterion of this assessment's framework"
            : null;
    }

    // The whole file, or null as soon as it is larger than the limit (never more than the limit and one buffer is held).
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > EvidenceFileTypes.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
