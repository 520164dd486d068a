{{/*
Chart name, truncated to 63 characters because Kubernetes names and label values allow no more.
*/}}
{{- define "warroom.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects. When the release name already contains the chart name
(helm install warroom ./helm/warroom), it is not repeated.
*/}}
{{- define "warroom.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "warroom.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "warroom.labels" -}}
helm.sh/chart: {{ include "warroom.chart" . | quote }}
{{ include "warroom.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/part-of: warroom
{{- end }}

{{/*
Selector labels: never change these after the first install, since a Deployment's selector is immutable.
*/}}
{{- define "warroom.selectorLabels" -}}
app.kubernetes.io/name: {{ include "warroom.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{- define "warroom.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "warroom.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The ConfigMap that holds roster.yaml: the operator's own, or the one this chart renders.
*/}}
{{- define "warroom.rosterConfigMap" -}}
{{- if .Values.roster.existingConfigMap }}
{{- .Values.roster.existingConfigMap }}
{{- else }}
{{- printf "%s-roster" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "warroom.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Without PostgreSQL the chart runs H2 in /data, which lives on an emptyDir; the URL keeps H2 in the
PostgreSQL compatibility mode the migrations are written for.
*/}}
{{- define "warroom.databaseUrl" -}}
{{- if .Values.database.url }}
{{- .Values.database.url }}
{{- else -}}
jdbc:h2:file:/data/warroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0
{{- end }}
{{- end }}

{{/*
The ConfigMaps holding the catalog and the policies: the operator's own, the one this chart renders from
files, or empty when the packaged defaults are used.
*/}}
{{- define "warroom.catalogConfigMap" -}}
{{- if .Values.catalog.existingConfigMap }}
{{- .Values.catalog.existingConfigMap }}
{{- else if .Values.catalog.files }}
{{- printf "%s-catalog" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "warroom.playbooksConfigMap" -}}
{{- if .Values.playbooks.existingConfigMap }}
{{- .Values.playbooks.existingConfigMap }}
{{- else if .Values.playbooks.files }}
{{- printf "%s-playbooks" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "warroom.checksConfigMap" -}}
{{- if .Values.checks.existingConfigMap }}
{{- .Values.checks.existingConfigMap }}
{{- else if .Values.checks.files }}
{{- printf "%s-checks" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "warroom.approvalsConfigMap" -}}
{{- if .Values.approvals.existingConfigMap }}
{{- .Values.approvals.existingConfigMap }}
{{- else if .Values.approvals.files }}
{{- printf "%s-approvals" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Whether the pod gets the ServiceAccount token: Kubernetes actions need it.
*/}}
{{- define "warroom.automountToken" -}}
{{- if or .Values.kubernetes.enabled .Values.serviceAccount.automountToken }}true{{ else }}false{{ end }}
{{- end }}
