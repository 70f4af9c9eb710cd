"""`frontyard invalidate` refuses what CloudFront's CreateInvalidation refuses, before contacting the edge."""

from __future__ import annotations

import argparse

from emulator.cli import invalidate


def test_a_path_without_the_leading_slash_is_refused_with_the_fix(capsys) -> None:
    # AWS: the console lets you omit the leading slash; "When you use the CloudFront API directly, invalidation
    # paths must begin with a leading slash." The CLI is the API: refused, naming the path to write instead.
    parser = argparse.ArgumentParser()
    invalidate.add_arguments(parser)
    code = invalidate.run(parser.parse_args(["assets/*", "--admin", "http://127.0.0.1:9"]))
    err = capsys.readouterr().err
    assert code == 2
    assert "'assets/*': a path must start with '/' (CloudFront's API requires it; only the console adds it): " \
           "'/assets/*'" in err
