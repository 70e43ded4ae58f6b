using MesosConsole.Web.Model;

namespace MesosConsole.Web.Tests.Model;

public sealed class RowViewTests
{
    private static RowView<int> Numbers(int pageSize = 3) => new(new Dictionary<string, Comparison<int>>
    {
        ["value"] = (a, b) => a.CompareTo(b),
        ["last-digit"] = (a, b) => (a % 10).CompareTo(b % 10) is var c and not 0 ? c : a.CompareTo(b),
    }, "value", pageSize: pageSize);

    [Fact]
    public void SetSource_Rows_AreSortedAndPaged()
    {
        var view = Numbers();

        view.SetSource([5, 3, 9, 1, 7]);

        Assert.Equal([1, 3, 5], view.PageRows);
        Assert.Equal(2, view.PageCount);
        view.SetPage(1);
        Assert.Equal([7, 9], view.PageRows);
    }

    [Fact]
    public void ToggleSort_SameColumnTwice_FlipsTheOrder()
    {
        var view = Numbers(pageSize: 10);
        view.SetSource([12, 31, 5]);

        view.ToggleSort("last-digit");
        Assert.Equal([31, 12, 5], view.PageRows);
        view.ToggleSort("last-digit");
        Assert.Equal([5, 12, 31], view.PageRows);
        Assert.Equal(" ▼", view.SortMark("last-digit"));
    }

    [Fact]
    public void SetFilter_NewFilter_GoesBackToTheFirstPage()
    {
        var view = Numbers(pageSize: 2);
        view.SetSource([1, 2, 3, 4, 5, 6]);
        view.SetPage(2);

        view.SetFilter(n => n % 2 == 0);

        Assert.Equal(0, view.Page);
        Assert.Equal([2, 4], view.PageRows);
        Assert.Equal(6, view.SourceCount);
    }

    [Fact]
    public void SetSource_FewerRows_KeepsThePageWithinRange()
    {
        var view = Numbers(pageSize: 2);
        view.SetSource([1, 2, 3, 4, 5, 6]);
        view.SetPage(2);

        view.SetSource([1, 2, 3]);

        Assert.Equal(1, view.Page);
        Assert.Equal([3], view.PageRows);
    }

    [Fact]
    public void ToggleSort_UnknownColumn_SaysWhich()
    {
        var error = Assert.Throws<ArgumentException>(() => Numbers().ToggleSort("colour"));

        Assert.Contains("No sort named 'colour'", error.Message);
    }
}
