"""Chinese words: jieba's segmentation loaded lazily, and balanced title display lines."""
