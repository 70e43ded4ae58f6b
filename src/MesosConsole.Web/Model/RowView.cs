namespace MesosConsole.Web.Model;

/// <summary>
/// A big list as a table shows it: filtered and sorted once whenever the rows, the filter or the sort
/// change, then read a page at a time. Renders only touch <see cref="PageRows"/>, so a table over
/// 100,000 rows costs a page's worth of work per render.
/// </summary>
public sealed class RowView<T>
{
    private readonly IReadOnlyDictionary<string, Comparison<T>> _sorts;
    private IReadOnlyList<T> _source = [];
    private Func<T, bool> _filter = _ => true;
    private List<T> _filtered = [];

    /// <param name="sorts">Comparisons by column name, ascending; each should end in a unique key so pages are stable.</param>
    public RowView(IReadOnlyDictionary<string, Comparison<T>> sorts, string sortBy, bool descending = false, int pageSize = 50)
    {
        _sorts = sorts;
        SortBy = sorts.ContainsKey(sortBy) ? sortBy : throw new ArgumentException($"No sort named '{sortBy}'.", nameof(sortBy));
        Descending = descending;
        PageSize = pageSize;
    }

    public string SortBy { get; private set; }

    public bool Descending { get; private set; }

    public int PageSize { get; }

    /// <summary>Zero-based; kept within <see cref="PageCount"/> when the rows shrink.</summary>
    public int Page { get; private set; }

    public int PageCount => Math.Max(1, (_filtered.Count + PageSize - 1) / PageSize);

    /// <summary>How many rows there are before filtering.</summary>
    public int SourceCount => _source.Count;

    /// <summary>Every row that passes the filter, in sort order.</summary>
    public IReadOnlyList<T> Filtered => _filtered;

    public IEnumerable<T> PageRows
    {
        get
        {
            var end = Math.Min(_filtered.Count, (Page + 1) * PageSize);
            for (var i = Page * PageSize; i < end; i++)
            {
                yield return _filtered[i];
            }
        }
    }

    /// <summary>New rows (a new snapshot): refilter and resort, keep the page if it still exists.</summary>
    public void SetSource(IReadOnlyList<T> rows)
    {
        _source = rows;
        Refresh();
    }

    /// <summary>New rows with a filter that depends on them: one pass, the page kept if it still exists.</summary>
    public void SetFilterAndSource(Func<T, bool> filter, IReadOnlyList<T> rows)
    {
        _filter = filter;
        _source = rows;
        Refresh();
    }

    /// <summary>A new filter: back to the first page.</summary>
    public void SetFilter(Func<T, bool> filter)
    {
        _filter = filter;
        Page = 0;
        Refresh();
    }

    /// <summary>A click on a column header: sort by it, or flip the order if it already is.</summary>
    public void ToggleSort(string column)
    {
        if (!_sorts.ContainsKey(column))
        {
            throw new ArgumentException($"No sort named '{column}'.", nameof(column));
        }

        Descending = column == SortBy && !Descending;
        SortBy = column;
        Refresh();
    }

    public void SetPage(int page) => Page = Math.Clamp(page, 0, PageCount - 1);

    public string SortMark(string column) => column != SortBy ? "" : Descending ? " ▼" : " ▲";

    private void Refresh()
    {
        var filtered = new List<T>(_source.Count);
        foreach (var row in _source)
        {
            if (_filter(row))
            {
                filtered.Add(row);
            }
        }

        var compare = _sorts[SortBy];
        filtered.Sort(Descending ? (a, b) => compare(b, a) : compare);
        _filtered = filtered;
        Page = Math.Clamp(Page, 0, PageCount - 1);
    }
}
