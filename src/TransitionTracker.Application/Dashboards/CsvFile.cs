using System.Text;

namespace TransitionTracker.Application.Dashboards;

/// <summary>A CSV file to download: the name to save it as and its text (<see cref="Bytes"/>: UTF-8, no byte order mark).</summary>
public sealed record CsvFile(string FileName, string Text)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);
}
