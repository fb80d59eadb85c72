-- Promotions look a running image up to find the build that pushed it (and its image in the target
-- environment's registry); without an index every promotion read the whole table.
create index build_images_image on build_images (image);
