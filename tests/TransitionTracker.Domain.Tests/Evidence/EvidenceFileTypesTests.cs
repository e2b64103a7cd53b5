using System.Text;
using TransitionTracker.Domain.Evidence;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Domain.Tests.Evidence;

/// <summary>An evidence file's type is read from its bytes: real small files of each kind, and files that only look like one.</summary>
public sealed class EvidenceFileTypesTests
{
    public static TheoryData<string, EvidenceFileType> Accepted => new()
    {
        { "pdf", EvidenceFileType.Pdf },
        { "png", EvidenceFileType.Png },
        { "jpeg", EvidenceFileType.Jpeg },
        { "docx", EvidenceFileType.Word },
        { "xlsx", EvidenceFileType.Excel },
        { "doc", EvidenceFileType.WordLegacy },
        { "doc, its stream in the directory's second sector", EvidenceFileType.WordLegacy },
        { "xls", EvidenceFileType.ExcelLegacy },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_accepted_kind_is_recognised_by_its_content(string sample, EvidenceFileType expected)
    {
        Assert.Equal(expected, EvidenceFileTypes.Detect(Sample(sample)));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("html")]
    [InlineData("zip")]
    [InlineData("docm")]
    [InlineData("compound file of another program")]
    [InlineData("truncated compound file")]
    [InlineData("truncated zip")]
    [InlineData("empty")]
    public void Other_content_is_not_accepted(string sample)
    {
        Assert.Null(EvidenceFileTypes.Detect(Sample(sample)));
    }

    [Fact]
    public void A_png_named_pdf_is_a_png_by_its_content_and_a_pdf_by_its_name()
    {
        Assert.Equal(EvidenceFileType.Png, EvidenceFileTypes.Detect(EvidenceSamples.Png()));
        Assert.Equal(EvidenceFileType.Pdf, EvidenceFileTypes.FromFileName("scan.pdf"));
    }

    [Theory]
    [InlineData("report.PDF", EvidenceFileType.Pdf)]
    [InlineData("minutes.docx", EvidenceFileType.Word)]
    [InlineData("minutes.doc", EvidenceFileType.WordLegacy)]
    [InlineData("budget.xlsx", EvidenceFileType.Excel)]
    [InlineData("budget.xls", EvidenceFileType.ExcelLegacy)]
    [InlineData("photo.jpg", EvidenceFileType.Jpeg)]
    [InlineData("photo.jpeg", EvidenceFileType.Jpeg)]
    [InlineData("chart.png", EvidenceFileType.Png)]
    public void A_name_says_a_type_by_its_extension(string name, EvidenceFileType expected)
    {
        Assert.Equal(expected, EvidenceFileTypes.FromFileName(name));
    }

    [Theory]
    [InlineData("C:\\Users\\me\\Board minutes.pdf", EvidenceFileType.Pdf, "Board minutes.pdf")]
    [InlineData("../../etc/passwd.pdf", EvidenceFileType.Pdf, "passwd.pdf")]
    [InlineData("a\"b\r\n;c.pdf", EvidenceFileType.Pdf, "ab;c.pdf")]
    [InlineData("right\u202Eexe.pdf", EvidenceFileType.Pdf, "rightexe.pdf")]
    [InlineData("scan", EvidenceFileType.Png, "scan.png")]
    [InlineData("  .pdf ", EvidenceFileType.Pdf, "evidence.pdf")]
    [InlineData(null, EvidenceFileType.Jpeg, "evidence.jpg")]
    public void A_name_is_made_safe_to_store_and_send(string? name, EvidenceFileType type, string expected)
    {
        Assert.Equal(expected, EvidenceFileTypes.SafeFileName(name, type));
    }

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var safe = EvidenceFileTypes.SafeFileName(new string('x', 300) + ".xlsx", EvidenceFileType.Excel);

        Assert.Equal(EvidenceAttachment.FileNameMaxLength, safe.Length);
        Assert.EndsWith("x.xlsx", safe);
    }

    [Fact]
    public void Each_type_is_served_as_its_own_media_type()
    {
        Assert.Equal("application/pdf", EvidenceFileTypes.ContentType(EvidenceFileType.Pdf));
        Assert.Equal("image/png", EvidenceFileTypes.ContentType(EvidenceFileType.Png));
        Assert.Equal("application/msword", EvidenceFileTypes.ContentType(EvidenceFileType.WordLegacy));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvidenceFileTypes.ContentType(EvidenceFileType.Excel));
    }

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => EvidenceSamples.Pdf(),
        "png" => EvidenceSamples.Png(),
        "jpeg" => EvidenceSamples.Jpeg(),
        "docx" => EvidenceSamples.Docx(),
        "xlsx" => EvidenceSamples.Xlsx(),
        "doc" => EvidenceSamples.Doc(),
        "doc, its stream in the directory's second sector" => EvidenceSamples.Doc(deepDirectory: true),
        "xls" => EvidenceSamples.Xls(),
        "plain text" => Encoding.UTF8.GetBytes("Minutes of the board, 3 March 2011"),
        "html" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
        "zip" => EvidenceSamples.Zip(),
        "docm" => EvidenceSamples.Docm(),
        "compound file of another program" => EvidenceSamples.Compound("PowerPoint Document", false),
        "truncated compound file" => EvidenceSamples.Doc()[..300],
        "truncated zip" => EvidenceSamples.Docx()[..40],
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
