using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// Reads a grid's column after a sort. The address changes as soon as the sort is asked for and the rows follow when the
/// server has answered, so the cells are read again until they are in order (for at most five seconds); the test then
/// asserts on the last reading, which names the rows if they never came in order.
/// </summary>
internal static class GridOrder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task<List<T>> ReadSortedAsync<T>(ILocator cells, Func<string, T> parse, IComparer<T> comparer, bool descending = false)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var values = (await cells.AllTextContentsAsync()).Select(t => parse(t.Trim())).ToList();
            var ordered = descending ? values.OrderDescending(comparer) : values.Order(comparer);
            if ((values.Count > 0 && ordered.SequenceEqual(values)) || DateTime.UtcNow > until)
            {
                return values;
            }

            await Task.Delay(100);
        }
    }

    public static Task<List<string>> ReadSortedAsync(ILocator cells, bool descending = false) =>
        ReadSortedAsync(cells, t => t, StringComparer.OrdinalIgnoreCase, descending);
}
