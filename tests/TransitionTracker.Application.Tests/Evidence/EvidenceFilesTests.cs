using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Evidence;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Evidence;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Application.Tests.Evidence;

/// <summary>
/// Evidence files on the answers of an assessment (on the provider TEST_DATABASE_PROVIDER names): PCT managers attach
/// and remove them on a draft; bad files, the 31st, and anyone out of scope change nothing; files go forward with the
/// answers into the next draft and stay with the submitted assessment.
/// </summary>
public sealed class EvidenceFilesTests : IAsyncLifetime
{
    private const string Framework = AssessmentWorkflow.DefaultFramework;

    private static readonly string Criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_attaches_a_pdf_stored_with_its_sha256_listed_downloadable_and_audited_as_theirs()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);
        var pdf = EvidenceSamples.Pdf();

        var outcome = await UploadAsync(manager, draft, Criterion, "Board minutes.pdf", pdf);
        var listed = await _host.RunAsync<EvidenceFiles, IReadOnlyList<EvidenceFile>?>(f => f.ListAsync(manager, draft, CancellationToken.None));
        var download = await _host.RunAsync<EvidenceFiles, EvidenceDownload?>(f => f.DownloadAsync(manager, draft, Criterion, outcome.SavedId!.Value, CancellationToken.None));

        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        var file = Assert.Single(listed!);
        Assert.Equal(("Board minutes.pdf", EvidenceFileType.Pdf, (long)pdf.Length, Criterion, Demo.PctManager), (file.FileName, file.FileType, file.Length, file.CriterionId, file.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal(pdf, download!.Bytes);
        Assert.Equal("application/pdf", download.ContentType);
        await using var db = _host.OpenContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(EvidenceAttachment));
        Assert.Equal((Demo.PctManager, "Added", Demo.ManagedConsortium), (audit.Actor, audit.Action, audit.ConsortiumCode));
        Assert.Contains(file.Sha256, audit.Changes);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).ToListAsync(), t => t == nameof(EvidenceContent));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "a PNG named .pdf", "scan.pdf", "is a PNG image, but its name says it is a PDF document" },
        { "text named .pdf", "notes.pdf", "is not a PDF, Word, Excel, PNG or JPEG file" },
        { "an empty file", "empty.pdf", "is empty" },
        { "a file over 10 MB", "huge.pdf", "is larger than 10 MB" },
        { "a macro-enabled Word file", "minutes.docx", "is not a PDF, Word, Excel, PNG or JPEG file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_nothing_is_stored(string sample, string name, string message)
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);
        var before = await SnapshotAsync();
        var content = sample switch
        {
            "a PNG named .pdf" => EvidenceSamples.Png(),
            "text named .pdf" => Encoding.UTF8.GetBytes("%PDX not really"),
            "an empty file" => [],
            "a file over 10 MB" => [.. EvidenceSamples.Pdf(), .. new byte[EvidenceFileTypes.MaxBytes]],
            _ => EvidenceSamples.Docm(),
        };

        var outcome = await UploadAsync(manager, draft, Criterion, name, content);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(EvidenceFiles.FileField, problem.Field);
        Assert.Contains(message, problem.Message);
        Assert.Contains($"“{name}”", problem.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_criterion_the_framework_does_not_have_is_refused()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);

        var outcome = await UploadAsync(manager, draft, "NOT-A-CRITERION", "minutes.pdf", EvidenceSamples.Pdf());

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(EvidenceFiles.CriterionField, Assert.Single(outcome.Problems).Field);
        Assert.Equal("0/0", await SnapshotAsync());
    }

    [Fact]
    public async Task An_assessment_holds_at_most_30_files_the_same_content_stored_once()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        for (var i = 0; i < EvidenceFileTypes.MaxPerAssessment; i++)
        {
            var saved = await UploadAsync(manager, draft, criteria[i % criteria.Count].Id, $"statement {i + 1}.jpg", EvidenceSamples.Jpeg());
            Assert.True(saved.IsSaved);
        }

        var before = await SnapshotAsync();
        var refused = await UploadAsync(manager, draft, Criterion, "one too many.png", EvidenceSamples.Png());

        Assert.Equal("30/1", before);
        Assert.Equal(EditStatus.Invalid, refused.Status);
        Assert.Contains("already has 30 evidence files", Assert.Single(refused.Problems).Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Out_of_scope_nobody_attaches_downloads_or_removes_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);
        var file = (await UploadAsync(manager, draft, Criterion, "minutes.pdf", EvidenceSamples.Pdf())).SavedId!.Value;
        var before = await SnapshotAsync();
        // Other consortia's people, and everyone who only reads 00H: a draft is its editors' alone.
        var readers = new ActingUser?[]
        {
            null,
            await _host.UserAsync(Demo.ConsortiumLead),
            await _host.UserAsync(Demo.RegionalLead),
            await _host.UserAsync(Demo.National),
        };

        foreach (var user in readers)
        {
            Assert.Equal(EditStatus.NotFound, (await UploadAsync(user, draft, Criterion, "more.pdf", EvidenceSamples.Pdf())).Status);
            Assert.Null(await _host.RunAsync<EvidenceFiles, EvidenceDownload?>(f => f.DownloadAsync(user, draft, Criterion, file, CancellationToken.None)));
            Assert.Null(await _host.RunAsync<EvidenceFiles, IReadOnlyList<EvidenceFile>?>(f => f.ListAsync(user, draft, CancellationToken.None)));
            Assert.Equal(EditStatus.NotFound, (await _host.RunAsync<EvidenceFiles, EditOutcome>(f => f.RemoveAsync(user, draft, Criterion, file, CancellationToken.None))).Status);
        }

        // The file asked for under another criterion, or another assessment, is not found either.
        Assert.Null(await _host.RunAsync<EvidenceFiles, EvidenceDownload?>(f => f.DownloadAsync(manager, draft, ShippedFrameworks.DefaultFramework.Criteria[1].Id, file, CancellationToken.None)));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Files_go_forward_with_the_answers_and_stay_with_the_submitted_assessment()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var national = await _host.UserAsync(Demo.National);
        var first = await DraftAsync(manager);
        var pdf = EvidenceSamples.Pdf();
        var attached = (await UploadAsync(manager, first, Criterion, "Board minutes.pdf", pdf)).SavedId!.Value;
        var revision = (await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None)))!.Value;
        var submitted = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, revision, CancellationToken.None));
        Assert.True(submitted.IsSaved, string.Join("; ", submitted.Problems.Select(p => p.Message)));

        // Submitted: read by everyone who may read the consortium, and kept as it is.
        var kept = await _host.RunAsync<EvidenceFiles, EvidenceDownload?>(f => f.DownloadAsync(national, first, Criterion, attached, CancellationToken.None));
        var removal = await _host.RunAsync<EvidenceFiles, EditOutcome>(f => f.RemoveAsync(manager, first, Criterion, attached, CancellationToken.None));
        var addition = await UploadAsync(manager, first, Criterion, "late.pdf", pdf);
        Assert.Equal(pdf, kept!.Bytes);
        Assert.Equal(EditStatus.Invalid, removal.Status);
        Assert.Equal(EditStatus.Invalid, addition.Status);
        Assert.Contains("submitted", Assert.Single(addition.Problems).Message);

        // The next draft starts with the same file on the same answer; the bytes are still stored once.
        var next = await DraftAsync(manager);
        var carried = Assert.Single((await _host.RunAsync<EvidenceFiles, IReadOnlyList<EvidenceFile>?>(f => f.ListAsync(manager, next, CancellationToken.None)))!);
        Assert.NotEqual(first, next);
        Assert.Equal(("Board minutes.pdf", Criterion), (carried.FileName, carried.CriterionId));
        Assert.Equal("2/1", await SnapshotAsync());

        // Removed from the new draft, it stays with the submitted one, bytes and all.
        var removed = await _host.RunAsync<EvidenceFiles, EditOutcome>(f => f.RemoveAsync(manager, next, Criterion, carried.Id, CancellationToken.None));
        Assert.True(removed.IsSaved);
        Assert.Empty((await _host.RunAsync<EvidenceFiles, IReadOnlyList<EvidenceFile>?>(f => f.ListAsync(manager, next, CancellationToken.None)))!);
        Assert.Equal(pdf, (await _host.RunAsync<EvidenceFiles, EvidenceDownload?>(f => f.DownloadAsync(national, first, Criterion, attached, CancellationToken.None)))!.Bytes);
        Assert.Equal("1/1", await SnapshotAsync());
        await using var db = _host.OpenContext();
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == nameof(EvidenceAttachment)).Select(a => a.Action + " " + a.Actor).ToListAsync(), a => a == "Deleted " + Demo.PctManager);
    }

    [Fact]
    public async Task Removing_the_last_attachment_of_a_file_removes_its_bytes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = await DraftAsync(manager);
        var first = (await UploadAsync(manager, draft, Criterion, "a.png", EvidenceSamples.Png())).SavedId!.Value;
        var second = (await UploadAsync(manager, draft, Criterion, "b.png", EvidenceSamples.Png())).SavedId!.Value;

        await _host.RunAsync<EvidenceFiles, EditOutcome>(f => f.RemoveAsync(manager, draft, Criterion, first, CancellationToken.None));
        var afterOne = await SnapshotAsync();
        await _host.RunAsync<EvidenceFiles, EditOutcome>(f => f.RemoveAsync(manager, draft, Criterion, second, CancellationToken.None));

        Assert.Equal("1/1", afterOne);
        Assert.Equal("0/0", await SnapshotAsync());
    }

    private async Task<int> DraftAsync(ActingUser manager) =>
        (await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!.Id;

    private Task<EditOutcome<EvidenceFile>> UploadAsync(ActingUser? user, int assessment, string criterion, string name, byte[] content) =>
        _host.RunAsync<EvidenceFiles, EditOutcome<EvidenceFile>>(f => f.UploadAsync(user, assessment, criterion, name, new MemoryStream(content), CancellationToken.None));

    // Attachments / stored contents.
    private async Task<string> SnapshotAsync()
    {
        await using var db = _host.OpenContext();
        return $"{await db.EvidenceAttachments.CountAsync()}/{await db.EvidenceContents.CountAsync()}";
    }
}
