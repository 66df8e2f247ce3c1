"""Read PDFs with pikepdf (not our code) and report, per file, what PDF/UA-1 asks of
their metadata and link annotations: one JSON object per file on stdout.

Usage: python3 pdf-metadata.py FILE.pdf...
"""
import json
import sys
from xml.etree import ElementTree

import pikepdf

NS = {
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'dc': 'http://purl.org/dc/elements/1.1/',
}


def report(path):
    with pikepdf.open(path) as pdf:
        info_title = str(pdf.docinfo.get('/Title', ''))
        has_xmp = '/Metadata' in pdf.Root
        xmp = {}
        if has_xmp:
            stream = pdf.Root.Metadata
            meta = pdf.open_metadata()
            xmp = {
                'type': str(stream.get('/Type', '')),
                'subtype': str(stream.get('/Subtype', '')),
                'filtered': '/Filter' in stream,
                'part': meta.get('{%s}part' % NS['pdfuaid']),
                'title': meta.get('dc:title'),
                'language': list(meta.get('dc:language') or []),
                'creator': list(meta.get('dc:creator') or []),
                'description': meta.get('dc:description'),
                'createDate': meta.get('xmp:CreateDate'),
                'modifyDate': meta.get('xmp:ModifyDate'),
                'producer': meta.get('pdf:Producer'),
                'metadataDate': meta.get('xmp:MetadataDate'),
                # The title's languages, read from the raw packet: pikepdf gives only the x-default text.
                'titleLangs': title_langs(bytes(stream.read_bytes())),
            }
        links = []
        for number, page in enumerate(pdf.pages, start=1):
            for annotation in page.obj.get('/Annots', []):
                if annotation.get('/Subtype') != '/Link':
                    continue
                contents = annotation.get('/Contents')
                links.append({'page': number, 'contents': str(contents) if contents is not None else None})
        return {
            'file': path,
            'infoTitle': info_title,
            'infoProducer': str(pdf.docinfo.get('/Producer', '')),
            'infoCreationDate': str(pdf.docinfo.get('/CreationDate', '')),
            'infoModDate': str(pdf.docinfo.get('/ModDate', '')),
            'hasXmp': has_xmp,
            'xmp': xmp,
            'links': links,
        }


def title_langs(packet):
    root = ElementTree.fromstring(packet.decode('utf-8').split('?>', 1)[1].rsplit('<?xpacket', 1)[0])
    return [
        li.get('{http://www.w3.org/XML/1998/namespace}lang')
        for title in root.iter('{%s}title' % NS['dc'])
        for li in title.iter('{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li')
    ]


if __name__ == '__main__':
    for path in sys.argv[1:]:
        print(json.dumps(report(path), ensure_ascii=False))
