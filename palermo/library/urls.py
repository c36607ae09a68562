from django.urls import path

from palermo.library.views import analytics, bulk, records, review

app_name = "library"

urlpatterns = [
    path("", records.search, name="search"),
    path("decisions/<int:decision_id>/", records.decision, name="decision"),
    path("opinions/<int:opinion_id>/", records.opinion, name="opinion"),
    path("guides/<int:guide_id>/", records.guide, name="guide"),
    path("add/<str:kind>/", records.add, name="add"),
    path("edit/<str:kind>/<int:record_id>/", review.propose, name="propose"),
    path("versions/<str:kind>/<int:record_id>/", review.versions, name="versions"),
    path("changes/", review.changes, name="changes"),
    path("changes/<int:change_id>/", review.change, name="change"),
    path("import/", bulk.import_csv, name="import"),
    path("sentences/", analytics.sentences, name="sentences"),
    path("sentences.csv", analytics.sentences_csv, name="sentences_csv"),
]
