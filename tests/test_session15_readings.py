"""Session 15: readings fixed in this session, each a title a reviewer or a corpus showed us."""

from __future__ import annotations

import pytest

from jdwriter.api import make_request
from jdwriter.errors import UserError


@pytest.mark.parametrize("title", ["兴证期货-运营部风控岗", "某某期货-风控岗（运营部）"])
def test_a_finance_employer_before_a_job_naming_no_role_of_ours_is_refused_as_finance(catalog, title):
    with pytest.raises(UserError) as caught:
        make_request(catalog, role=title)
    assert "金融" in str(caught.value), caught.value


@pytest.mark.parametrize("title", ["招商证券-用户运营", "兴证期货-新媒体运营"])
def test_a_finance_employer_before_a_role_of_ours_is_still_written(catalog, title):
    assert make_request(catalog, role=title).request.role in {"user_ops", "new_media_ops"}
