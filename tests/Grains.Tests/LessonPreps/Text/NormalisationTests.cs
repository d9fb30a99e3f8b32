using Collab.Ot;
using static Collab.Grains.Tests.LessonPreps.Text.Support.Ops;

namespace Collab.Grains.Tests.LessonPreps.Text;

public class NormalisationTests
{
    [Fact]
    public void Merges_adjacent_components_of_the_same_kind()
    {
        var operation = Op(1, 2, "a", "😀", -1, -2, 3);

        Assert.Equal(new object[] { 3, "a😀", -3, 3 }, operation.ToWire());
        Assert.Equal(Op(3, "a😀", -3, 3), operation);
    }

    [Fact]
    public void Puts_inserts_before_adjacent_deletes()
    {
        Assert.Equal(Op("x", -1), Op(-1, "x"));
        Assert.Equal(new object[] { 1, "xy", -3 }, Op(1, -1, "x", -2, "y").ToWire());
    }

    [Fact]
    public void Equal_operations_have_equal_hash_codes()
    {
        var left = Op(-1, "中", 1, 1);
        var right = Op("中", -1, 2);

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Different_operations_are_not_equal()
    {
        Assert.NotEqual(Op(1, "a"), Op("a", 1));
        Assert.NotEqual(Op(-1), Op(1));
        Assert.False(Op(1).Equals(null));
        Assert.False(Op(1) == null);
    }

    [Fact]
    public void Create_normalises_factory_components()
    {
        var operation = TextOperation.Create(
        [
            OpComponent.Retain(1),
            OpComponent.Delete(1),
            OpComponent.Insert("你"),
            OpComponent.Insert("好"),
            OpComponent.Retain(2),
        ]);

        Assert.Equal(new object[] { 1, "你好", -1, 2 }, operation.ToWire());
        Assert.Equal(4, operation.BaseLength);
        Assert.Equal(5, operation.TargetLength);
    }

    [Fact]
    public void Components_are_exposed_in_order_with_code_point_lengths()
    {
        var operation = Op(2, "😀x", -1);

        Assert.Equal([OpComponent.Retain(2), OpComponent.Insert("😀x"), OpComponent.Delete(1)], operation.Components);
        Assert.Equal(2, operation.Components[1].Length);
        Assert.Equal(OpKind.Insert, operation.Components[1].Kind);
        Assert.Equal(string.Empty, operation.Components[0].Text);
    }

    [Fact]
    public void Components_cannot_be_modified_through_the_list() =>
        Assert.Throws<NotSupportedException>(() => ((IList<OpComponent>)TextOperation.Create([OpComponent.Retain(1)]).Components)[0] = OpComponent.Delete(1));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Component_factories_refuse_non_positive_lengths(int count)
    {
        Assert.Throws<OtException>(() => OpComponent.Retain(count));
        Assert.Throws<OtException>(() => OpComponent.Delete(count));
    }

    [Fact]
    public void Insert_factory_refuses_empty_or_ill_formed_text()
    {
        Assert.Throws<OtException>(() => OpComponent.Insert(string.Empty));

        // Built from chars: attribute arguments cannot carry unpaired surrogates intact.
        Assert.Throws<OtException>(() => OpComponent.Insert(new string(['a', '\uD83D'])));
        Assert.Throws<OtException>(() => OpComponent.Insert(new string(['\uDE00', 'b'])));
        Assert.Throws<OtException>(() => OpComponent.Insert(new string(['\uDE00', '\uD83D'])));
    }

    [Fact]
    public void Create_refuses_a_default_component() =>
        Assert.Throws<OtException>(() => TextOperation.Create([OpComponent.Retain(1), default]));

    [Fact]
    public void Refuses_an_operation_longer_than_an_int_can_count() =>
        Assert.Throws<OtException>(() => TextOperation.Create([OpComponent.Retain(int.MaxValue), OpComponent.Delete(1)]));

    [Fact]
    public void ToString_shows_the_wire_form_readably() =>
        Assert.Equal("[1,\"中😀\\\"\\u000a\",-2]", Op(1, "中😀\"\n", -2).ToString());
}
