using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TransitionTracker.TestSupport;

/// <summary>
/// Small real files of each kind evidence may be, built here rather than kept as binaries: a one-page PDF, a 1×1 PNG,
/// a JFIF JPEG, Word and Excel packages (Office Open XML) and their 97-2003 forms (OLE2 compound files).
/// </summary>
public static class EvidenceSamples
{
    public static byte[] Pdf(string text = "Signed statement of readiness")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {22 + text.Length} >>\nstream\nBT /F1 10 Tf 10 50 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 PNG (one white pixel).</summary>
    public static byte[] Png() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    /// <summary>A JPEG's start of image, JFIF header and end of image.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Docx() => Package(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml",
        """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Evidence</w:t></w:r></w:p></w:body></w:document>""");

    public static byte[] Xlsx() => Package(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml",
        """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>""");

    /// <summary>A Word document whose package says it holds macros: not accepted.</summary>
    public static byte[] Docm() => Package(
        "application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml", "<w:document/>");

    /// <summary>A ZIP archive that is no Office file.</summary>
    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("not an office file");
        }

        return stream.ToArray();
    }

    /// <summary>A Word 97-2003 document: a compound file with a WordDocument stream (in its directory's second sector when <paramref name="deepDirectory"/>).</summary>
    public static byte[] Doc(bool deepDirectory = false) => Compound("WordDocument", deepDirectory);

    /// <summary>An Excel 97-2003 workbook: a compound file with a Workbook stream.</summary>
    public static byte[] Xls() => Compound("Workbook", false);

    /// <summary>A compound file with only a stream of that name (neither Word nor Excel when it is neither's).</summary>
    public static byte[] Compound(string streamName, bool deepDirectory)
    {
        const int Sector = 512;
        const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD;
        // Sector 0: the allocation table; 1 (and 2): the directory; then one sector of stream data.
        var directorySectors = deepDirectory ? 2 : 1;
        var file = new byte[Sector * (2 + directorySectors + 1)];
        var header = file.AsSpan(0, Sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0 : Free);
        }

        var fat = file.AsSpan(Sector, Sector);
        for (var i = 0; i < Sector / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], Free);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], deepDirectory ? 2u : EndOfChain);
        if (deepDirectory)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[8..], EndOfChain);
        }

        var dataSector = (uint)(1 + directorySectors);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[(int)(dataSector * 4)..], EndOfChain);

        var names = deepDirectory
            ? new[] { ("Root Entry", (byte)5), ("\u0001CompObj", (byte)2), ("\u0005SummaryInformation", (byte)2), ("Data", (byte)2), (streamName, (byte)2) }
            : [("Root Entry", (byte)5), (streamName, (byte)2)];
        for (var i = 0; i < names.Length; i++)
        {
            var entry = file.AsSpan((2 * Sector) + (i * 128), 128);
            var (name, type) = names[i];
            var bytes = Encoding.Unicode.GetBytes(name);
            bytes.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(bytes.Length + 2));
            entry[0x42] = type;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], type == 5 ? EndOfChain : dataSector);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], type == 5 ? 0u : Sector);
        }

        return file;
    }

    private static byte[] Package(string mainContentType, string mainPart, string xml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""");
            Write(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart}"/></Relationships>""");
            Write(zip, mainPart, xml);
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
