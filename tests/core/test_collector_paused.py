"""core.pdf.collector_paused: a rendering runs without the cyclic garbage collector, which runs again afterwards
(also after a failure, with threads and nested use), and the rendering's cycles are collected at the end."""

import gc
import threading

import pytest

from core.pdf import collector_paused, html_to_pdf


class Cycle:
    def __init__(self):
        self.me = self


def test_the_collector_is_off_during_a_rendering_and_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_runs_again_after_a_failed_rendering():
    with pytest.raises(ValueError, match="layout failed"), collector_paused():
        raise ValueError("layout failed")
    assert gc.isenabled()


def test_nested_and_parallel_renderings_restart_it_only_when_the_last_is_done():
    inner_done, outer_may_end = threading.Event(), threading.Event()

    def other_rendering():
        with collector_paused():
            inner_done.set()
            outer_may_end.wait(5)

    with collector_paused():
        worker = threading.Thread(target=other_rendering)
        worker.start()
        inner_done.wait(5)
        with collector_paused():
            pass
        assert not gc.isenabled()  # the other thread still renders
        outer_may_end.set()
        worker.join(5)
        assert not gc.isenabled()  # and so does this one
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_cycles_made_during_a_rendering_are_collected_at_its_end():
    gc.collect()
    with collector_paused():
        for _ in range(1000):
            Cycle()
    # type(), not isinstance(): the heap holds weak proxies, and isinstance() on a dead one raises.
    assert not any(type(obj) is Cycle for obj in gc.get_objects())


def test_html_to_pdf_renders_with_the_collector_paused(monkeypatch):
    import weasyprint

    seen = []
    original = weasyprint.HTML.write_pdf

    def spying(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", spying)
    assert html_to_pdf("<p>Hallo</p>").startswith(b"%PDF-")
    assert seen == [False]
    assert gc.isenabled()
