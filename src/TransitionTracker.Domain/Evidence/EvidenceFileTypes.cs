using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TransitionTracker.Domain.Evidence;

/// <summary>
/// What an evidence file is, read from its bytes and never from its name (docs/security.md, "Evidence files"): a PDF
/// starts <c>%PDF-</c>; a PNG has its eight-byte signature; a JPEG starts FF D8 FF; a Word 97–2003 document or Excel
/// 97–2003 workbook is an OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) holding a <c>WordDocument</c> or
/// <c>Workbook</c> stream; a Word or Excel file of today is a ZIP whose <c>[Content_Types].xml</c> names a document's
/// or workbook's main part (macro-enabled files are not accepted) and that has that part. The name's extension must
/// then say the same, so a PNG named <c>.pdf</c> is refused.
/// </summary>
public static class EvidenceFileTypes
{
    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most files one assessment may hold, over all its criteria.</summary>
    public const int MaxPerAssessment = 30;

    /// <summary>The extensions accepted, as a file picker's <c>accept</c> attribute takes them.</summary>
    public const string AcceptedExtensions = ".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg";

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const int ContentTypesMaxBytes = 64 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of file the bytes are, or null when they are none of those accepted.</summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return EvidenceFileType.Pdf;
        }

        if (content.StartsWith(PngSignature))
        {
            return EvidenceFileType.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceFileType.Jpeg;
        }

        if (content.StartsWith(Ole2Signature))
        {
            return CompoundFileKind(content);
        }

        return content.StartsWith("PK\u0003\u0004"u8) ? OfficeOpenXmlKind(content.ToArray()) : null;
    }

    /// <summary>The type a file name's extension says, or null for any other extension.</summary>
    public static EvidenceFileType? FromFileName(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".pdf" => EvidenceFileType.Pdf,
            ".docx" => EvidenceFileType.Word,
            ".doc" => EvidenceFileType.WordLegacy,
            ".xlsx" => EvidenceFileType.Excel,
            ".xls" => EvidenceFileType.ExcelLegacy,
            ".png" => EvidenceFileType.Png,
            ".jpg" or ".jpeg" => EvidenceFileType.Jpeg,
            _ => null,
        };

    /// <summary>The media type a download of the file is served as.</summary>
    public static string ContentType(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.WordLegacy => "application/msword",
        EvidenceFileType.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.ExcelLegacy => "application/vnd.ms-excel",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type in words, as messages and lists name it.</summary>
    public static string Describe(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "PDF document",
        EvidenceFileType.Word => "Word document",
        EvidenceFileType.WordLegacy => "Word 97-2003 document",
        EvidenceFileType.Excel => "Excel workbook",
        EvidenceFileType.ExcelLegacy => "Excel 97-2003 workbook",
        EvidenceFileType.Png => "PNG image",
        EvidenceFileType.Jpeg => "JPEG image",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The name as uploaded, made safe to store, show and send in a <c>Content-Disposition</c> header
    /// (<see cref="CleanName"/>), at most <see cref="EvidenceAttachment.FileNameMaxLength"/> characters with its
    /// extension kept; the type's usual extension is added to a name without one, and "evidence" is the name when
    /// nothing is left.
    /// </summary>
    public static string SafeFileName(string? fileName, EvidenceFileType type)
    {
        var name = CleanName(fileName);
        var extension = Path.GetExtension(name);
        if (extension.Length == 0)
        {
            extension = DefaultExtension(type);
            name += extension;
        }

        if (name.Length == extension.Length)
        {
            return "evidence" + extension;
        }

        return name.Length <= EvidenceAttachment.FileNameMaxLength
            ? name
            : name[..(EvidenceAttachment.FileNameMaxLength - extension.Length)].TrimEnd() + extension;
    }

    /// <summary>The last part of any path in the name, without control or formatting characters, quotes or characters Windows refuses in names; empty when nothing is left.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*')
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim().TrimEnd('.').Trim();
    }

    private static string DefaultExtension(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => ".pdf",
        EvidenceFileType.Word => ".docx",
        EvidenceFileType.WordLegacy => ".doc",
        EvidenceFileType.Excel => ".xlsx",
        EvidenceFileType.ExcelLegacy => ".xls",
        EvidenceFileType.Png => ".png",
        _ => ".jpg",
    };

    // An Office Open XML package: its content types must name the main part of a document or workbook, and that
    // part must be there. Only [Content_Types].xml is read (at most 64 KB of it), so a ZIP made to expand is harmless.
    private static EvidenceFileType? OfficeOpenXmlKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > ContentTypesMaxBytes)
            {
                return null;
            }

            string text;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                var buffer = new char[ContentTypesMaxBytes];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                text = new string(buffer, 0, read);
            }

            if (text.Contains(WordMain, StringComparison.Ordinal) && zip.GetEntry("word/document.xml") is not null)
            {
                return EvidenceFileType.Word;
            }

            if (text.Contains(ExcelMain, StringComparison.Ordinal) && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return EvidenceFileType.Excel;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // An OLE2 compound file (MS-CFB): follow the directory's chain of sectors through the allocation table and look
    // for the stream a Word 97-2003 document ("WordDocument") or an Excel 97-2003 workbook ("Workbook", or "Book" in
    // Excel 5) keeps its content in. Anything malformed is not accepted.
    private static EvidenceFileType? CompoundFileKind(ReadOnlySpan<byte> content)
    {
        const uint EndOfChain = 0xFFFFFFFE;
        if (content.Length < 512)
        {
            return null;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(content[0x1E..]);
        if (shift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << shift;
        var sectorCount = (content.Length - sectorSize) / sectorSize;
        ReadOnlySpan<byte> Sector(ReadOnlySpan<byte> file, uint index) =>
            index < sectorCount ? file.Slice((int)((index + 1) * sectorSize), sectorSize) : [];

        // The sectors of the allocation table: 109 listed in the header, any more in the DIFAT's own chain.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            var s = BinaryPrimitives.ReadUInt32LittleEndian(content[(0x4C + (i * 4))..]);
            if (s < sectorCount)
            {
                fatSectors.Add(s);
            }
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(content[0x44..]);
        for (var hops = 0; difat < sectorCount && hops < sectorCount; hops++)
        {
            var sector = Sector(content, difat);
            var perSector = (sectorSize / 4) - 1;
            for (var i = 0; i < perSector; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]);
                if (s < sectorCount)
                {
                    fatSectors.Add(s);
                }
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perSector * 4)..]);
        }

        var entriesPerFatSector = sectorSize / 4;
        uint Next(ReadOnlySpan<byte> file, uint index)
        {
            var fat = (int)(index / entriesPerFatSector);
            if (fat >= fatSectors.Count)
            {
                return EndOfChain;
            }

            return BinaryPrimitives.ReadUInt32LittleEndian(Sector(file, fatSectors[fat])[(int)(index % entriesPerFatSector * 4)..]);
        }

        var directory = BinaryPrimitives.ReadUInt32LittleEndian(content[0x30..]);
        for (var hops = 0; directory < sectorCount && hops < sectorCount; hops++)
        {
            var sector = Sector(content, directory);
            for (var offset = 0; offset + 128 <= sector.Length; offset += 128)
            {
                var entry = sector.Slice(offset, 128);
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                var type = entry[0x42];
                if (type != 2 || nameBytes is < 2 or > 64)
                {
                    continue;
                }

                var name = Encoding.Unicode.GetString(entry[..(nameBytes - 2)]);
                switch (name)
                {
                    case "WordDocument":
                        return EvidenceFileType.WordLegacy;
                    case "Workbook" or "Book":
                        return EvidenceFileType.ExcelLegacy;
                }
            }

            directory = Next(content, directory);
        }

        return null;
    }
}
