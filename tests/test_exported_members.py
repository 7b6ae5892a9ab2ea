import eventwire


def test_all_is_sorted_and_complete():
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name
    public = {n for n in dir(eventwire) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(eventwire.__all__)
