using System.Globalization;
using CsvHelper;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests.Seeding;

/// <summary><see cref="ReferenceDataFiles.CountRows"/> must agree with the parser, or a changed file could go unnoticed.</summary>
public sealed class ReferenceDataRowCountTests
{
    [Theory]
    [InlineData(ReferenceDataFiles.Shas)]
    [InlineData(ReferenceDataFiles.Pcts)]
    [InlineData(ReferenceDataFiles.Practices)]
    [InlineData(ReferenceDataFiles.CcgSuccessors)]
    public void Each_embedded_file_counts_as_many_rows_as_the_parser_reads(string file)
    {
        using var reader = ReferenceDataFiles.OpenEmbedded(file);
        var text = reader.ReadToEnd();

        Assert.Equal(ParsedRows(text), ReferenceDataFiles.CountRows(new StringReader(text)));
    }

    [Fact]
    public void The_embedded_files_count_the_real_numbers_of_shas_pcts_and_practices()
    {
        Assert.Equal(new ReferenceDataCounts(10, 152, 8058), ReferenceDataSource.Embedded.CountRows());
    }

    [Theory]
    [InlineData("code,name\n", 0)]
    [InlineData("", 0)]
    [InlineData("code,name\nA,one\nB,two\n", 2)]
    [InlineData("code,name\nA,one\nB,two", 2)]
    [InlineData("code,name\r\nA,one\r\nB,two\r\n", 2)]
    [InlineData("code,name\n\nA,one\n\n\nB,two\n\n", 2)]
    [InlineData("code,name\nA,\"one\nspread over\r\nthree lines\"\nB,two\n", 2)]
    [InlineData("code,name\nA,\"a \"\"quoted\"\" word, and a comma\"\nB,two\n", 2)]
    [InlineData("code,name\nA,six\" tall\nB,two\n", 2)]
    [InlineData("code,name\n\"A\",\"\"\n\"B\",\"two\"", 2)]
    public void Line_breaks_in_quotes_and_blank_lines_are_counted_as_the_parser_reads_them(string text, int rows)
    {
        Assert.Equal(rows, ParsedRows(text));
        Assert.Equal(rows, ReferenceDataFiles.CountRows(new StringReader(text)));
    }

    private static int ParsedRows(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        if (!csv.Read())
        {
            return 0;
        }

        csv.ReadHeader();
        var rows = 0;
        while (csv.Read())
        {
            rows++;
        }

        return rows;
    }
}
